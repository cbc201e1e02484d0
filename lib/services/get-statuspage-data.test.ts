import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { seedDemo } from '@/lib/demo/seed';
import { buildV2Documents, V2_PATHS } from '@/lib/domain/statuspage/documents';
import { V2_SCHEMAS } from '@/lib/domain/statuspage/testing/v2-schema';
import { createIncident } from '@/lib/services/create-incident';
import { getStatusPage } from '@/lib/services/get-status-page';
import { getStatuspageData } from '@/lib/services/get-statuspage-data';

const NOW = new Date('2026-11-26T12:00:00.000Z');
const BASE = 'https://status.example.com';

type Doc = Record<string, unknown> & {
  page: { id: string };
  components: { id: string; group: boolean; components?: string[]; group_id: string | null; status: string }[];
  incidents: { id: string; status: string; shortlink: string; incident_updates: { display_at: string }[] }[];
  scheduled_maintenances: { id: string; status: string }[];
  status: { indicator: string };
};

for (const dialect of testDialects()) {
  describe(`Statuspage v2 documents from the demo data on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    const ctx = () => ({ db: db.kysely, now: () => NOW });
    const docs = async () =>
      buildV2Documents(await getStatuspageData({ ctx: ctx(), baseUrl: BASE })) as unknown as Record<string, Doc>;

    beforeAll(async () => {
      db = await createTestDb(dialect);
      await seedDemo(db.kysely, NOW, BASE);
    });
    afterAll(async () => db.drop());

    it('every endpoint matches the strict v2 schema (fields, types, enums, nulls)', async () => {
      const all = await docs();
      for (const path of V2_PATHS) {
        const parsed = V2_SCHEMAS[path].safeParse(all[path]);
        expect(parsed.error?.issues.slice(0, 3) ?? [], path).toEqual([]);
      }
    });

    it('agrees with the status page: same indicator, the active incident, the upcoming maintenance', async () => {
      const all = await docs();
      const view = await getStatusPage({ ctx: ctx() });
      const summary = all['summary.json']!;
      expect(summary.status).toEqual(view.status);
      expect(summary.incidents.map((i) => i.id)).toEqual(view.activeIncidents.map((i) => i.id));
      expect(summary.scheduled_maintenances.map((m) => m.id).sort()).toEqual(
        [...view.activeMaintenance, ...view.upcomingMaintenance].map((m) => m.id).sort(),
      );
      expect(all['scheduled-maintenances/upcoming.json']!.scheduled_maintenances.every((m) => m.status === 'scheduled')).toBe(true);
    });

    it('lists every group with its children, and children point back at it', async () => {
      const { components } = (await docs())['components.json']!;
      const groups = components.filter((c) => c.group);
      const stored = await db.kysely.selectFrom('component_groups').select('id').execute();
      expect(groups.map((g) => g.id).sort()).toEqual(stored.map((g) => g.id).sort());
      for (const g of groups) {
        expect(g.components!.length).toBeGreaterThan(0);
        for (const id of g.components!) expect(components.find((c) => c.id === id)!.group_id).toBe(g.id);
      }
    });

    it('returns the 50 most recent incidents with shortlinks and updates newest first', async () => {
      const { incidents } = (await docs())['incidents.json']!;
      // Public incidents only: the demo's private one (issue #16) is not in the public documents.
      const stored = await db.kysely
        .selectFrom('incidents')
        .select('id')
        .where('kind', '=', 'incident')
        .where((eb) => eb.not(eb.exists(eb.selectFrom('audience_incidents').select('incident_id').whereRef('audience_incidents.incident_id', '=', 'incidents.id'))))
        .execute();
      expect(incidents).toHaveLength(Math.min(50, stored.length));
      for (const i of incidents) {
        expect(i.shortlink).toBe(`${BASE}/incidents/${i.id}`);
        const times = i.incident_updates.map((u) => Date.parse(u.display_at));
        expect(times).toEqual([...times].sort((a, b) => b - a));
      }
    });

    it('keeps page.id stable and shows a new incident at once', async () => {
      const before = await docs();
      const component = before['components.json']!.components.find((c) => !c.group && c.status === 'operational')!;
      const created = await createIncident({
        ctx: ctx(),
        input: { name: 'Fresh outage', body: 'Looking', components: [{ id: component.id, status: 'major_outage' }] },
      });
      const after = await docs();
      expect(after['status.json']!.page.id).toBe(before['status.json']!.page.id);
      expect(after['incidents/unresolved.json']!.incidents.map((i) => i.id)).toContain(created.id);
      expect(after['components.json']!.components.find((c) => c.id === component.id)!.status).toBe('major_outage');
      expect(V2_SCHEMAS['summary.json'].safeParse(after['summary.json']).success).toBe(true);
    });
  });
}
