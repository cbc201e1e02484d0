import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { seedDemo } from '@/lib/demo/seed';
import { getHistoryPage } from '@/lib/services/get-history-page';
import { getPublicPageIndex } from '@/lib/services/get-public-page-index';
import { PageCache } from '@/lib/snapshot/page-cache';
import { lookupPage } from '@/lib/snapshot/public-pages';
import { buildPublicSet } from '@/lib/snapshot/public-set';
import { NOT_FOUND_PATHS, SnapshotStore } from '@/lib/snapshot/store';

const NOW = new Date('2026-11-26T12:00:00.000Z');

for (const dialect of testDialects()) {
  describe(`the public page index and the snapshot 404s on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    const counts = { reads: 0, renders: 0 };
    /** Counts every query the snapshot layer sends. */
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        counts.reads++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-index-'));
    let store: SnapshotStore;
    let pages: PageCache;
    const ctx = () => ({ db: db.kysely.withPlugin(counting), now: () => NOW });

    beforeAll(async () => {
      db = await createTestDb(dialect);
      await seedDemo(db.kysely, NOW, 'https://status.example.com');
      store = new SnapshotStore({
        file: path.join(dir, 'snap.json'),
        buildId: 'b',
        buildSet: () => buildPublicSet(ctx()),
        buildIndex: () => getPublicPageIndex({ ctx: ctx() }),
        renderHtml: async (p) => {
          counts.renders++;
          return Object.values(NOT_FOUND_PATHS).includes(p as never) ? { status: 404, body: '<p>Page not found</p>' } : { status: 200, body: `<p>${p}</p>` };
        },
        probe: async () => undefined,
      });
      pages = new PageCache({
        render: async (key) => {
          counts.renders++;
          return { status: 200, body: `<p>${key}</p>` };
        },
      });
      await store.rebuild();
      expect(store.state().reason).toBeNull();
    });
    afterAll(async () => {
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const get = (url: string) => {
      const u = new URL(url, 'http://x');
      return store.lookup(u.pathname, u.searchParams) ?? lookupPage(store, pages, u.pathname, u.searchParams);
    };

    it('answers unknown ids, documents, badges, history pages and filters 404 without a read or a render', async () => {
      const before = { ...counts };
      for (const url of [
        '/api/v2/incidents/unknown.json',
        '/api/v2/anything.json',
        '/badge.svg?component=unknown',
        '/incidents/nosuchincident',
        '/incidents/%E0%A4%A',
        '/history?page=999',
        '/history?component=nosuchcomponent',
      ]) {
        const answer = get(url);
        expect(answer, url).not.toBeInstanceOf(Promise);
        expect((answer as { status: number } | undefined)?.status, url).toBe(404);
      }
      expect(counts).toEqual(before);
    });

    it('knows every incident, each component and how far back history goes, as the history page does', async () => {
      const index = await getPublicPageIndex({ ctx: ctx() });
      // Public incidents only: a private one (issue #16) has no public page.
      const ids = await db.kysely
        .selectFrom('incidents')
        .select('id')
        .where((eb) => eb.not(eb.exists(eb.selectFrom('audience_incidents').select('incident_id').whereRef('audience_incidents.incident_id', '=', 'incidents.id'))))
        .execute();
      expect(new Set(index.incidentStarts.keys())).toEqual(new Set(ids.map((r) => r.id)));
      // The demo reaches back more than 13 months.
      expect(index.historyPages).toBeGreaterThanOrEqual(5);
      expect(await getHistoryPage({ ctx: ctx(), pageNumber: index.historyPages })).toBeDefined();
      expect(await getHistoryPage({ ctx: ctx(), pageNumber: index.historyPages + 1 })).toBeUndefined();
      for (const [componentId, count] of index.historyPagesByComponent) {
        expect(await getHistoryPage({ ctx: ctx(), pageNumber: count, componentId })).toBeDefined();
        expect(await getHistoryPage({ ctx: ctx(), pageNumber: count + 1, componentId })).toBeUndefined();
      }
      expect(await getHistoryPage({ ctx: ctx(), pageNumber: 1, componentId: 'nosuchcomponent' })).toBeUndefined();
    });

    it('renders a page that exists once per change, keyed by its normalised parameters', async () => {
      const id = [...store.pageIndex()!.incidentStarts.keys()][0]!;
      const before = counts.renders;
      const first = await get(`/incidents/${id}`);
      expect(first?.status).toBe(200);
      expect(get(`/incidents/${id}?utm=1`)).toBe(first);
      expect((await get('/history?page=1&x=2'))?.body.toString()).toBe('<p>/history</p>');
      expect((await get('/history?page=2'))?.body.toString()).toBe('<p>/history?page=2</p>');
      expect(counts.renders).toBe(before + 3);
      pages.invalidate();
      expect(await get(`/incidents/${id}`)).not.toBe(first);
      expect(counts.renders).toBe(before + 4);
    });
  });
}
