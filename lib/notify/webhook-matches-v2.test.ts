import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { seedDemo } from '@/lib/demo/seed';
import { publicUrl } from '@/lib/env';
import { buildV2Documents } from '@/lib/domain/statuspage/documents';
import { FULL_ONLY_INCIDENT_FIELDS, FULL_ONLY_UPDATE_FIELDS } from '@/lib/domain/statuspage/full-incident';
import { incidentSnapshot } from '@/lib/notify/alert-snapshot';
import { webhookBody } from '@/lib/notify/webhook-body';
import { createIncident } from '@/lib/services/create-incident';
import { getStatuspageData } from '@/lib/services/get-statuspage-data';

const NOW = new Date('2026-11-26T12:00:00.000Z');

type Item = Record<string, unknown> & { id: string; components: unknown[]; incident_updates: Record<string, unknown>[] };

/** The webhook incident without the fields the reference lists as webhook (and manage API) only. */
function withoutWebhookOnly(incident: Item, v2HasWindow: boolean): Item {
  const out: Record<string, unknown> = { ...incident };
  for (const key of FULL_ONLY_INCIDENT_FIELDS) delete out[key];
  // Webhooks carry the window on every incident (null on incidents); v2 only on maintenance.
  if (!v2HasWindow) {
    expect([out.scheduled_for, out.scheduled_until]).toEqual([null, null]);
    delete out.scheduled_for;
    delete out.scheduled_until;
  }
  out.incident_updates = incident.incident_updates.map((u) => {
    const copy = { ...u };
    for (const key of FULL_ONLY_UPDATE_FIELDS) delete copy[key];
    return copy;
  });
  return out as Item;
}

for (const dialect of testDialects()) {
  describe(`a webhook's incident is the v2 API's incident, on the demo data on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    const ctx = () => ({ db: db.kysely, now: () => NOW });

    beforeAll(async () => {
      db = await createTestDb(dialect);
      await seedDemo(db.kysely, NOW, publicUrl());
      // The demo always names components; one incident that names none.
      await createIncident({ ctx: ctx(), input: { name: 'Intermittent login failures', body: 'Looking into it' } });
    });
    afterAll(async () => db.drop());

    it('for every incident and maintenance the v2 documents list: with components, with none, cancelled, maintenance', async () => {
      const docs = buildV2Documents(await getStatuspageData({ ctx: ctx(), baseUrl: publicUrl() })) as unknown as {
        'incidents.json': { incidents: Item[] };
        'scheduled-maintenances.json': { scheduled_maintenances: Item[] };
      };
      const listed = [
        ...docs['incidents.json'].incidents.map((i) => ({ kind: 'incident.updated' as const, v2: i })),
        ...docs['scheduled-maintenances.json'].scheduled_maintenances.map((m) => ({ kind: 'maintenance.updated' as const, v2: m })),
      ];
      const stored = new Map(
        (await db.kysely.selectFrom('incidents').select(['id', 'kind', 'status']).execute()).map((r) => [r.id, r]),
      );

      for (const { kind, v2 } of listed) {
        const snapshot = await incidentSnapshot(db.kysely, kind, v2.id, undefined, NOW);
        const body = JSON.parse(webhookBody(snapshot!, 'subscriber01', NOW)) as { incident: Item };
        expect(Object.keys(body.incident), v2.id).toEqual(expect.arrayContaining([...FULL_ONLY_INCIDENT_FIELDS]));
        expect(withoutWebhookOnly(body.incident, 'scheduled_for' in v2), v2.id).toEqual(v2);
      }

      // The cases the comparison must have covered, so it cannot pass on an easy subset.
      const cancelled = listed.filter(({ v2 }) => stored.get(v2.id)?.status === 'cancelled');
      expect(cancelled.length).toBeGreaterThan(0);
      expect(cancelled.every(({ v2 }) => v2.status === 'completed')).toBe(true);
      expect(listed.some(({ v2 }) => stored.get(v2.id)?.kind === 'maintenance' && v2.status !== 'completed')).toBe(true);
      expect(listed.some(({ v2 }) => v2.components.length > 0)).toBe(true);
      expect(listed.some(({ v2 }) => v2.components.length === 0)).toBe(true);
      const updates = listed.flatMap(({ v2 }) => v2.incident_updates);
      expect(updates.some((u) => u.affected_components === null)).toBe(true);
      expect(updates.some((u) => Array.isArray(u.affected_components))).toBe(true);
    });
  });
}
