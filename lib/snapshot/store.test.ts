import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { represent, type Representation } from '@/lib/snapshot/representation';
import { NOT_FOUND_PATHS, SnapshotStore } from '@/lib/snapshot/store';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-store-'));
afterEach(() => fs.rmSync(path.join(dir, 'snap.json'), { force: true }));

/** A store over a fake database whose availability and content the test controls. */
function fakeStore(opts: { file?: string; buildId?: string } = {}) {
  const state = { up: true, version: 1, builds: 0, renders: 0, renderFails: false };
  const store = new SnapshotStore({
    file: opts.file ?? path.join(dir, 'snap.json'),
    buildId: opts.buildId ?? 'build-1',
    minIntervalMs: 0,
    settleMs: 0,
    buildSet: async () => {
      if (!state.up) throw new Error('connect ECONNREFUSED');
      state.builds++;
      return new Map<string, Representation>([['/api/v2/status.json', represent(`{"v":${state.version}}`, { 'content-type': 'application/json' })]]);
    },
    renderHtml: async (p) => {
      state.renders++;
      if (Object.values(NOT_FOUND_PATHS).includes(p as never)) return { status: 404, body: '<html><body>Page not found</body></html>' };
      if (state.renderFails) throw new Error('rendering / answered 500');
      return { status: 200, body: `<html><body class="x"><main>version ${state.version}</main></body></html>` };
    },
    probe: async () => {
      if (!state.up) throw new Error('connect ECONNREFUSED');
    },
  });
  return { store, state };
}

const text = (rep: Representation | undefined) => rep?.body.toString();
const none = new URLSearchParams();

describe('snapshot store', () => {
  it('serves what it built, whatever the query string', async () => {
    const { store } = fakeStore();
    await store.rebuild();
    expect(text(store.lookup('/', new URLSearchParams('utm=1&_=2')))).toContain('version 1');
    expect(text(store.lookup('/api/v2/status.json', none))).toBe('{"v":1}');
    expect(store.lookup('/history', none)).toBeUndefined();
  });

  it('answers a miss under the snapshotted paths with the v2 404 from memory, building nothing', async () => {
    const { store, state } = fakeStore();
    await store.rebuild();
    const { builds, renders } = state;
    for (const p of ['/api/v2/incidents/unknown.json', '/api/v2/anything.json', '/badge.svg']) {
      const rep = store.lookup(p, new URLSearchParams('component=unknown'));
      expect(rep?.status).toBe(404);
      expect(JSON.parse(rep!.body.toString())).toEqual({ error: { code: 'not_found', message: 'Not found' } });
    }
    expect(store.lookup('/admin', none)).toBeUndefined();
    expect(state.builds).toBe(builds);
    expect(state.renders).toBe(renders);
    expect(store.pending()).toBe(false);
    expect(store.notFoundPage()?.status).toBe(404);
  });

  it('coalesces a burst of changes into few rebuilds and ends on the latest data', async () => {
    const { store, state } = fakeStore();
    await store.rebuild();
    for (let i = 0; i < 50; i++) {
      state.version++;
      store.schedule();
    }
    await new Promise((r) => setTimeout(r, 50));
    await store.rebuild();
    expect(state.builds).toBeLessThan(6);
    expect(text(store.lookup('/', none))).toContain(`version ${state.version}`);
  });

  it('keeps serving the last snapshot with a notice while the database is down, and recovers', async () => {
    const { store, state } = fakeStore();
    await store.rebuild();
    state.up = false;
    state.version = 2;
    await store.check();
    expect(store.isDegraded()).toBe(true);
    expect(text(store.lookup('/', none))).toMatch(/<body class="x"><div role="status"[^>]*>Status as of <time datetime="[^"]+">[^<]+ UTC<\/time>; live data temporarily unavailable\.<\/div><main>version 1/);
    expect(text(store.lookup('/api/v2/status.json', none))).toBe('{"v":1}');
    state.up = true;
    await store.check();
    expect(store.isDegraded()).toBe(false);
    expect(text(store.lookup('/', none))).toBe('<html><body class="x"><main>version 2</main></body></html>');
  });

  it('a failed rebuild with the database answering keeps the current snapshot, unmarked, and tries again', async () => {
    const { store, state } = fakeStore();
    await store.rebuild();
    state.renderFails = true;
    state.version = 2;
    await store.rebuild();
    expect(store.isDegraded()).toBe(false);
    expect(store.state().reason).toMatch(/rebuild failed \(rendering \/ answered 500\)/);
    expect(text(store.lookup('/', none))).toBe('<html><body class="x"><main>version 1</main></body></html>');
    state.renderFails = false;
    // The retry is scheduled by the failure itself (backing off from minIntervalMs).
    await expect.poll(() => text(store.lookup('/', none)), { timeout: 3_000 }).toContain('version 2');
    expect(store.state().reason).toBeNull();
  });

  it('after a restart with the database down, serves the copy kept on disk (HTML only from the same build)', async () => {
    const first = fakeStore();
    await first.store.rebuild();
    // The disk write is fire-and-forget (temp file, then rename): wait for the file itself.
    await expect.poll(() => fs.existsSync(path.join(dir, 'snap.json')), { timeout: 5_000 }).toBe(true);

    const again = fakeStore();
    again.state.up = false;
    expect(await again.store.loadFromDisk()).toBe(true);
    // Entries from disk are not served while the database may be fine…
    expect(again.store.lookup('/', none)).toBeUndefined();
    await again.store.rebuild();
    // …only once it is known to be down.
    expect(text(again.store.lookup('/', none))).toContain('live data temporarily unavailable');

    const otherBuild = fakeStore({ buildId: 'build-2' });
    otherBuild.state.up = false;
    await otherBuild.store.loadFromDisk();
    await otherBuild.store.rebuild();
    expect(otherBuild.store.lookup('/', none)).toBeUndefined();
    expect(text(otherBuild.store.lookup('/api/v2/status.json', none))).toBe('{"v":1}');
  });
});
