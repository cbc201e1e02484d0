import { describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';

for (const dialect of testDialects().filter((d) => d === 'postgres')) {
  describe(`updates changing the same components on ${dialect}`, () => {
    it('lock them in one order: two listing them in opposite orders never deadlock', async () => {
      const db = await createTestDb(dialect);
      const other = openDb(db.url);
      try {
        const ctx = { db: db.kysely, now: () => new Date() };
        const components = [];
        for (const name of ['Data service', 'SMS', 'VPN', 'Portal', 'REST API', 'Streamer']) components.push(await createComponent({ ctx, input: { name } }));
        const forward = components.map((c) => ({ id: c.id, status: 'major_outage' as const }));
        const backward = [...components].reverse().map((c) => ({ id: c.id, status: 'partial_outage' as const }));
        // Each round starts both at once; with locks taken in list order, each would hold its
        // first components while waiting for the other's, and PostgreSQL would fail one.
        for (let round = 0; round < 10; round++) {
          const results = await Promise.allSettled([
            createIncident({ ctx, input: { name: `Forward ${round}`, status: 'identified', components: forward } }),
            createIncident({ ctx: { db: other.kysely, now: () => new Date() }, input: { name: `Backward ${round}`, status: 'identified', components: backward } }),
          ]);
          expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
        }
        const open = await db.kysely.selectFrom('component_status_intervals').select('component_id').where('ended_at', 'is', null).execute();
        expect(open.map((o) => o.component_id).sort()).toEqual(components.map((c) => c.id).sort());
      } finally {
        await other.kysely.destroy();
        await db.drop();
      }
    });
  });
}
