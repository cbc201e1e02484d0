import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { seedDemo } from '@/lib/demo/seed';
import { onLive } from '@/lib/live/hub';
import { addIncidentUpdate } from '@/lib/services/add-incident-update';
import { getIncidentPage } from '@/lib/services/get-incident-page';
import { getPublicPageIndex } from '@/lib/services/get-public-page-index';
import { getStatusPage } from '@/lib/services/get-status-page';
import { refreshPublicPageIndex } from '@/lib/services/refresh-public-page-index';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { updatePageSettings } from '@/lib/services/page-settings';
import { scopeOf } from '@/lib/snapshot/change-scope';
import { PageCache } from '@/lib/snapshot/page-cache';
import { dropTouchedPages } from '@/lib/snapshot/page-invalidation';
import { buildPublicSet } from '@/lib/snapshot/public-set';
import type { Representation } from '@/lib/snapshot/representation';
import { NOT_FOUND_PATHS, SnapshotStore } from '@/lib/snapshot/store';

const none = new URLSearchParams();
const text = async (answer: ReturnType<PageCache['get']>) => (await answer)?.body.toString() ?? '';

for (const dialect of testDialects()) {
  describe(`rebuilding only what a change touched, on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let store: SnapshotStore;
    let pages: PageCache;
    let stop: () => void;
    const renders: string[] = [];
    const ctx = () => ({ db: db.kysely, now: () => new Date() });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-scope-'));
    /** Stands in for Next: each page from the same services the real pages call, with the page's name as its header. */
    const render = async (p: string) => {
      renders.push(p);
      const { name } = await getPageSettings(db.kysely);
      if (Object.values(NOT_FOUND_PATHS).includes(p as never)) return { status: 404, body: `<header>${name}</header><p>Page not found</p>` };
      if (p === '/') return { status: 200, body: `<header>${name}</header>${JSON.stringify(await getStatusPage({ ctx: ctx() }))}` };
      const incident = await getIncidentPage({ ctx: ctx(), id: p.slice('/incidents/'.length) });
      return incident ? { status: 200, body: `<header>${name}</header>${JSON.stringify(incident)}` } : { status: 404, body: 'Not found' };
    };
    /** Two incidents of the demo: A, unresolved, that the test updates, and B, resolved, that it leaves alone. */
    let a: string;
    let b: string;

    beforeAll(async () => {
      db = await createTestDb(dialect);
      await seedDemo(db.kysely, new Date(), 'https://status.example.com');
      // Public incidents only: the demo's private one (issue #16) has no public page to re-render.
      const rows = await db.kysely
        .selectFrom('incidents')
        .select(['id', 'status'])
        .where('kind', '=', 'incident')
        .where((eb) => eb.not(eb.exists(eb.selectFrom('audience_incidents').select('incident_id').whereRef('audience_incidents.incident_id', '=', 'incidents.id'))))
        .orderBy('started_at', 'desc')
        .execute();
      a = rows.find((r) => r.status !== 'resolved')!.id;
      b = rows.find((r) => r.status === 'resolved')!.id;
      store = new SnapshotStore({
        file: path.join(dir, 'snap.json'),
        buildId: 'b',
        minIntervalMs: 0,
        settleMs: 0,
        buildSet: () => buildPublicSet(ctx()),
        buildIndex: (change) => (change ? refreshPublicPageIndex({ ctx: ctx(), ...change }) : getPublicPageIndex({ ctx: ctx() })),
        renderHtml: render,
        probe: async () => undefined,
      });
      pages = new PageCache({ render });
      // As the server wires them: the store rebuilds what the event touched, the cache drops the same.
      stop = onLive((event) => {
        store.schedule(scopeOf(event));
        dropTouchedPages(pages, store, event);
      });
      await store.rebuild();
    });

    afterAll(async () => {
      stop();
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    /** Waits for the rebuild that the last change scheduled, and for the pages it drops after. */
    const settled = async () => {
      await expect.poll(() => store.pending(), { timeout: 15_000 }).toBe(false);
      await new Promise((r) => setImmediate(r));
    };

    it('after an update to incident A re-renders A and `/`, keeps B and every document that did not change', async () => {
      const pageB = await pages.get(`/incidents/${b}`);
      expect(await text(pages.get(`/incidents/${a}`))).not.toContain('Scope test update');
      const before = new Map<string, Representation>();
      const components = await db.kysely.selectFrom('components').select('id').execute();
      const badges = components.map((c) => `/badge.svg?component=${c.id}`);
      for (const key of ['/', '/api/v2/summary.json', '/maintenance.ics', ...badges]) {
        before.set(key, store.lookup(key.split('?')[0]!, new URLSearchParams(key.split('?')[1]))!);
      }
      const notFound = store.notFoundPage();
      const rebuilds = store.state().rebuilds;
      renders.length = 0;

      await addIncidentUpdate({ ctx: ctx(), input: { incidentId: a, status: 'monitoring', body: 'Scope test update', components: [] } });
      await settled();

      expect(store.state()).toMatchObject({ rebuilds: rebuilds + 1, lastScope: 'partial' });
      expect(renders).toEqual(['/']);
      expect(store.lookup('/', none)).not.toBe(before.get('/'));
      expect(store.lookup('/', none)!.body.toString()).toContain('Scope test update');
      expect(store.lookup('/api/v2/summary.json', none)!.body.toString()).toContain('Scope test update');
      // The documents that do not list A (the maintenance calendar, the components' badges) are
      // the very objects, and Buffers, of before.
      for (const key of ['/maintenance.ics', ...badges]) {
        const now = store.lookup(key.split('?')[0]!, new URLSearchParams(key.split('?')[1]));
        expect(now, key).toBe(before.get(key));
        expect(now!.body, key).toBe(before.get(key)!.body);
      }
      expect(store.notFoundPage()).toBe(notFound);
      // The index read again for A alone is the index read whole.
      expect(store.pageIndex()).toEqual(await getPublicPageIndex({ ctx: ctx() }));

      expect(pages.get(`/incidents/${b}`)).toBe(pageB);
      expect(await text(pages.get(`/incidents/${a}`))).toContain('Scope test update');
      expect(renders).toEqual(['/', `/incidents/${a}`]);
    });

    it('after a settings change rebuilds everything: the 404 pages and every cached page show the new name', async () => {
      const pageB = await pages.get(`/incidents/${b}`);
      expect(store.notFoundPage()!.body.toString()).not.toContain('Renamed status');
      renders.length = 0;

      await updatePageSettings({ ctx: ctx(), input: { name: 'Renamed status' } });
      await settled();

      expect(store.state().lastScope).toBe('all');
      expect(renders.sort()).toEqual([NOT_FOUND_PATHS.incident, NOT_FOUND_PATHS.page, '/'].sort());
      expect(store.notFoundPage('page')!.body.toString()).toContain('<header>Renamed status</header>');
      expect(store.notFoundPage('incident')!.body.toString()).toContain('<header>Renamed status</header>');
      expect(store.lookup('/', none)!.body.toString()).toContain('<header>Renamed status</header>');
      expect(store.lookup('/api/v2/summary.json', none)!.body.toString()).toContain('Renamed status');
      expect(pages.get(`/incidents/${b}`)).not.toBe(pageB);
      expect(await text(pages.get(`/incidents/${b}`))).toContain('<header>Renamed status</header>');
    });
  });
}
