import { describe, expect, it } from 'vitest';
import { RscCache, type RenderedRsc } from '@/lib/snapshot/rsc-cache';

/** A cache over a fake Next whose answers, timing and health the test controls. */
function fakeCache(opts: { maxEntries?: number } = {}) {
  const outcomes: string[] = [];
  const state = { version: 1, status: 200, throws: false, calls: [] as { url: string; headers: Record<string, string> }[] };
  let time = 0;
  const release: (() => void)[] = [];
  const cache = new RscCache({
    maxEntries: opts.maxEntries,
    maxAgeMs: 60_000,
    now: () => time,
    onOutcome: (o) => outcomes.push(o),
    render: async (url, headers): Promise<RenderedRsc> => {
      state.calls.push({ url, headers });
      await new Promise<void>((resolve) => release.push(resolve));
      if (state.throws) throw new Error('fetch failed');
      return {
        status: state.status,
        headers: { 'content-type': 'text/x-component', vary: 'rsc, next-router-state-tree, Accept-Encoding', 'set-cookie': 'x=1' },
        body: Buffer.from(`0:{"v":${state.version},"url":"${url}"}`.padEnd(2000, ' ')),
      };
    },
  });
  const settle = async <T>(p: Promise<T>) => {
    await new Promise((r) => setImmediate(r));
    release.splice(0).forEach((r) => r());
    return p;
  };
  return { cache, state, outcomes, settle, advance: (ms: number) => (time += ms) };
}

const refresh = { rsc: '1', 'next-router-state-tree': '%5B%22%22%5D', 'user-agent': 'a' };

describe('RSC cache', () => {
  it('accepts only GET RSC requests for the shared public pages', () => {
    expect(RscCache.accepts('GET', '/', { rsc: '1' })).toBe(true);
    expect(RscCache.accepts('GET', '/incidents/abc123', { rsc: '1' })).toBe(true);
    expect(RscCache.accepts('GET', '/history', { rsc: '1' })).toBe(true);
    expect(RscCache.accepts('GET', '/', {})).toBe(false);
    expect(RscCache.accepts('POST', '/', { rsc: '1' })).toBe(false);
    expect(RscCache.accepts('GET', '/admin', { rsc: '1' })).toBe(false);
    expect(RscCache.accepts('GET', '/subscriptions/manage/tok', { rsc: '1' })).toBe(false);
    expect(RscCache.accepts('GET', '/incidents/../admin', { rsc: '1' })).toBe(false);
  });

  it('renders once for many identical requests and hands everyone the same precompressed bytes', async () => {
    const { cache, state, outcomes, settle } = fakeCache();
    const answers = await settle(Promise.all(Array.from({ length: 50 }, (_, i) => cache.get('/?_rsc=abc', { ...refresh, 'user-agent': `ua${i}` }))));
    expect(state.calls).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'render')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'hit')).toHaveLength(49);
    expect(state.calls[0]!.headers).toEqual({ rsc: '1', 'next-router-state-tree': '%5B%22%22%5D' });
    expect(new Set(answers)).toHaveProperty('size', 1);
    const rep = answers[0]!;
    expect(rep.body.toString()).toContain('"v":1');
    expect(rep.gzip).not.toBeNull();
    expect(rep.headers).toEqual({ 'content-type': 'text/x-component', vary: 'rsc, next-router-state-tree' });
  });

  it('keeps requests that differ in URL or in a varying header apart', async () => {
    const { cache, state, settle } = fakeCache();
    await settle(
      Promise.all([
        cache.get('/?_rsc=abc', refresh),
        cache.get('/history?_rsc=abc', refresh),
        cache.get('/?_rsc=abc', { ...refresh, 'next-router-prefetch': '1' }),
        cache.get('/?_rsc=abc', { ...refresh, 'next-router-state-tree': 'other' }),
      ]),
    );
    expect(state.calls).toHaveLength(4);
  });

  it('renders again after a change, and after the generation ages out', async () => {
    const { cache, state, settle, advance } = fakeCache();
    await settle(cache.get('/?_rsc=abc', refresh));
    state.version = 2;
    expect((await cache.get('/?_rsc=abc', refresh))!.body.toString()).toContain('"v":1');
    cache.invalidate();
    expect((await settle(cache.get('/?_rsc=abc', refresh)))!.body.toString()).toContain('"v":2');
    state.version = 3;
    advance(61_000);
    expect((await settle(cache.get('/?_rsc=abc', refresh)))!.body.toString()).toContain('"v":3');
    expect(state.calls).toHaveLength(3);
  });

  it('serves the last good answer while renders fail, and retries on the next request', async () => {
    const { cache, state, settle } = fakeCache();
    await settle(cache.get('/?_rsc=abc', refresh));
    cache.invalidate();
    state.version = 2;
    state.status = 500;
    expect((await settle(cache.get('/?_rsc=abc', refresh)))!.body.toString()).toContain('"v":1');
    state.throws = true;
    expect((await settle(cache.get('/?_rsc=abc', refresh)))!.body.toString()).toContain('"v":1');
    state.throws = false;
    state.status = 200;
    expect((await settle(cache.get('/?_rsc=abc', refresh)))!.body.toString()).toContain('"v":2');
    expect(state.calls).toHaveLength(4);
    // With nothing good to fall back on, a failure leaves the request to Next.
    const fresh = fakeCache();
    fresh.state.throws = true;
    expect(await fresh.settle(fresh.cache.get('/?_rsc=new', refresh))).toBeNull();
  });

  it('does not share redirects or not-found answers', async () => {
    const { cache, state, settle } = fakeCache();
    state.status = 404;
    expect(await settle(cache.get('/incidents/nosuch', refresh))).toBeNull();
    state.status = 307;
    expect(await settle(cache.get('/', refresh))).toBeNull();
  });

  it('stops sharing past its entry bound instead of growing', async () => {
    const { cache, state, outcomes, settle } = fakeCache({ maxEntries: 3 });
    const answers = await settle(Promise.all(Array.from({ length: 10 }, (_, i) => cache.get(`/?_rsc=${i}`, refresh))));
    expect(state.calls).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'pass')).toHaveLength(7);
    expect(answers.filter((a) => a === null)).toHaveLength(7);
  });
});
