import { describe, expect, it } from 'vitest';
import { PageCache, type RenderedPage } from '@/lib/snapshot/page-cache';
import type { Representation } from '@/lib/snapshot/representation';

/** A cache over a fake renderer whose answers the test controls. */
function fakeCache() {
  const state = { renders: 0, version: 1, fails: false };
  const cache = new PageCache({
    maxEntries: 2,
    render: async (key): Promise<RenderedPage> => {
      state.renders++;
      await new Promise((r) => setTimeout(r, 5));
      if (state.fails) throw new Error('database down');
      return { status: 200, body: `<p>${key} v${state.version}</p>` };
    },
  });
  return { cache, state };
}

const text = async (answer: ReturnType<PageCache['get']>) => (await answer)?.body.toString();

describe('page cache', () => {
  it('renders once for everyone asking meanwhile, then answers from memory without a promise', async () => {
    const { cache, state } = fakeCache();
    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.get('/history')));
    expect(state.renders).toBe(1);
    expect(new Set(answers).size).toBe(1);
    const hit = cache.get('/history');
    expect(hit).not.toBeInstanceOf(Promise);
    expect((hit as Representation).headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('renders again after a change, and serves the last good copy when that render fails', async () => {
    const { cache, state } = fakeCache();
    expect(await text(cache.get('/subscribe'))).toBe('<p>/subscribe v1</p>');
    state.version = 2;
    cache.invalidate();
    expect(await text(cache.get('/subscribe'))).toBe('<p>/subscribe v2</p>');
    state.fails = true;
    cache.invalidate();
    expect(await text(cache.get('/subscribe'))).toBe('<p>/subscribe v2</p>');
    state.fails = false;
    state.version = 3;
    // A failed render is tried again on the next request.
    expect(await text(cache.get('/subscribe'))).toBe('<p>/subscribe v3</p>');
  });

  it('drops only the pages named, by key or by a test on the key', async () => {
    const { cache, state } = fakeCache();
    const b = await cache.get('/b');
    expect(await text(cache.get('/a'))).toBe('<p>/a v1</p>');
    state.version = 2;
    cache.invalidate(['/a']);
    expect(cache.get('/b')).toBe(b);
    expect(await text(cache.get('/a'))).toBe('<p>/a v2</p>');
    cache.invalidate((key) => key.startsWith('/b'));
    expect(await text(cache.get('/b'))).toBe('<p>/b v2</p>');
    expect(cache.get('/a')).not.toBeInstanceOf(Promise);
    expect(state.renders).toBe(4);
  });

  it('keeps at most maxEntries pages', async () => {
    const { cache, state } = fakeCache();
    for (const key of ['/a', '/b', '/c']) await cache.get(key);
    expect(cache.size()).toBe(2);
    await cache.get('/a');
    expect(state.renders).toBe(4);
  });
});
