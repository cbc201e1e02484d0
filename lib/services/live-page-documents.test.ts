import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { seedDemo } from '@/lib/demo/seed';
import { createIncident } from '@/lib/services/create-incident';
import { LIVE_RECENT } from '@/lib/services/get-live-incidents';
import type { HistoryDocument, IncidentDocument, OverviewDocument } from '@/lib/snapshot/page-document-types';
import { PAGE_DOC } from '@/lib/snapshot/page-document-types';
import { buildPublicSet } from '@/lib/snapshot/public-set';
import { NOT_FOUND_PATHS, SnapshotStore } from '@/lib/snapshot/store';

const NOW = new Date('2026-11-26T12:00:00.000Z');

// The page documents the public pages revalidate from (lib/snapshot/page-set.ts), built with the
// public set and served by the snapshot store.
for (const dialect of testDialects()) {
  describe(`live page documents on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let reads = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        reads++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-pagedocs-'));
    let store: SnapshotStore;
    let incidentId: string;
    // A minute after the incident below was posted.
    const ctx = () => ({ db: db.kysely.withPlugin(counting), now: () => new Date(NOW.getTime() + 60_000) });
    const json = <T>(key: string) => {
      const rep = store.lookup(key, new URLSearchParams());
      expect(rep?.status, key).toBe(200);
      expect(rep!.headers['content-type']).toBe('application/json; charset=utf-8');
      return JSON.parse(rep!.body.toString()) as T;
    };

    beforeAll(async () => {
      db = await createTestDb(dialect);
      await seedDemo(db.kysely, NOW, 'https://status.example.com');
      const sms = await db.kysely.selectFrom('components').select('id').where('name', '=', 'SMS').executeTakeFirstOrThrow();
      const incident = await createIncident({
        ctx: { db: db.kysely, now: () => NOW },
        input: { name: 'SMS delays', body: 'Messages are **late**. <script>alert(1)</script>', components: [{ id: sms.id, status: 'major_outage' }] },
      });
      incidentId = incident.id;
      store = new SnapshotStore({
        file: path.join(dir, 'snap.json'),
        buildId: 'b',
        buildSet: () => buildPublicSet(ctx()),
        renderHtml: async (p) => (Object.values(NOT_FOUND_PATHS).includes(p as never) ? { status: 404, body: 'nf' } : { status: 200, body: p }),
        probe: async () => undefined,
      });
      await store.rebuild();
      expect(store.state().reason).toBeNull();
    });
    afterAll(async () => {
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("serves /'s document: status, open incidents with their latest update rendered, components without bars", () => {
      const doc = json<OverviewDocument>(PAGE_DOC.overview);
      expect(doc.status.indicator).not.toBe('none');
      expect(doc.timeZone).toBeTruthy();
      const card = doc.activeIncidents.find((i) => i.id === incidentId)!;
      expect(card.name).toBe('SMS delays');
      expect(card.latestUpdate!.html).toContain('<strong>late</strong>');
      expect(card.latestUpdate!.html).not.toContain('<script');
      expect(card.latestUpdate).not.toHaveProperty('body');
      expect(card).not.toHaveProperty('updates');
      const sms = [...doc.groups.flatMap((g) => g.components), ...doc.ungrouped].find((c) => c.name === 'SMS')!;
      expect(sms.status).toBe('major_outage');
      expect(sms.uptime).toBeNull();
      expect(doc.recentDays).toHaveLength(7);
      expect(doc.recentDays[0]!.incidents.map((i) => i.id)).toContain(incidentId);
      expect(doc.recentDays[0]!.incidents[0]!.latestUpdate).toBeNull();
    });

    it("serves an incident's document with its whole timeline, and the first history page's", async () => {
      const doc = json<IncidentDocument>(PAGE_DOC.incident(incidentId));
      expect(doc.incident).toMatchObject({ id: incidentId, name: 'SMS delays', status: 'investigating', kind: 'incident' });
      expect(doc.incident.updates).toHaveLength(1);
      expect(doc.incident.updates[0]!.html).toMatch(/^<p>Messages are <strong>late<\/strong>\.\s*<\/p>$/);
      expect(doc.incident.updates[0]!.changes[0]).toMatchObject({ componentName: 'SMS', oldStatus: 'operational', newStatus: 'major_outage' });

      // Every open incident and the most recent others have one; the set stays bounded.
      const docs = [...(await buildPublicSet(ctx())).keys()].filter((k) => k.startsWith('/api/page/incidents/'));
      const total = Number((await db.kysely.selectFrom('incidents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      expect(docs.length).toBeGreaterThan(1);
      expect(docs.length).toBeLessThanOrEqual(Math.min(total, LIVE_RECENT + 10));

      const history = json<HistoryDocument>(PAGE_DOC.history);
      expect(history.months).toHaveLength(3);
      expect(history.months[0]!.incidents.map((i) => i.id)).toContain(incidentId);
      expect(history.hasOlder).toBe(true);
    });

    it('answers an unknown incident or page document 404 from memory, without a database read', () => {
      const before = reads;
      for (const key of [PAGE_DOC.incident('nosuchincident'), '/api/page/anything.json', '/api/page/incidents/']) {
        const rep = store.lookup(key, new URLSearchParams());
        expect(rep?.status, key).toBe(404);
        expect(JSON.parse(rep!.body.toString())).toEqual({ error: { code: 'not_found', message: 'Not found' } });
      }
      expect(reads).toBe(before);
    });
  });
}
