import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { seedDemo } from '@/lib/demo/seed';
import { listComponentChoices } from '@/lib/services/list-component-choices';
import { listIncidentTemplates } from '@/lib/services/list-incident-templates';

const NOW = new Date('2026-11-26T12:00:00.000Z');

for (const dialect of testDialects()) {
  describe(`the demo's NOC templates on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    const ctx = () => ({ db: db.kysely, now: () => NOW });

    beforeAll(async () => {
      db = await createTestDb(dialect);
      await seedDemo(db.kysely, NOW);
    });
    afterAll(async () => db.drop());

    it('ships a template per incident class, with class, scope and component statuses', async () => {
      const templates = await listIncidentTemplates({ ctx: ctx() });
      const names = new Map((await listComponentChoices({ ctx: ctx() })).flatMap((g) => g.components).map((c) => [c.id, c.name]));
      const byName = new Map(templates.map((t) => [t.name, t]));
      for (const name of ['Data service degraded in a region', 'SMS delay', 'VPN outage', 'Portal or API unavailable', 'Roaming partner outage', 'Data streamer delay']) {
        expect(byName.has(name), name).toBe(true);
      }
      const regional = byName.get('Data service degraded in a region')!;
      expect(regional.incidentClass).toBe('critical');
      expect(regional.scope).toMatchObject({ regions: ['EU'], devices: 1000 });
      expect(regional.componentStatuses.map((c) => [names.get(c.id), c.status])).toEqual([
        ['Data service', 'degraded_performance'],
        ['EU', 'partial_outage'],
      ]);
      expect(regional.componentIds).toHaveLength(2);
      expect(byName.get('VPN outage')!.componentStatuses.map((c) => [names.get(c.id), c.status])).toEqual([['VPN', 'major_outage']]);
      // Templates for the next statuses of an open incident, for the update form.
      expect(templates.filter((t) => t.status === 'monitoring').map((t) => t.name)).toContain('Recovering, monitoring');
    });
  });
}
