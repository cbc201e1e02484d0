import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { createComponent } from '@/lib/services/create-component';
import { setComponentStatus } from '@/lib/services/set-component-status';

for (const dialect of testDialects()) {
  describe(`component status intervals on ${dialect}`, () => {
    let db: Db & { url: string; drop: () => Promise<void> };
    const clock = testClock();
    beforeEach(async () => {
      db = await createTestDb(dialect);
    });
    afterEach(async () => db.drop());

    it('refuses a second open interval for one component (migration 007)', async () => {
      const c = await createComponent({ ctx: { db: db.kysely, now: clock.now }, input: { name: 'VPN' } });
      await expect(
        db.kysely.insertInto('component_status_intervals').values({ component_id: c.id, status: 'major_outage', started_at: clock.iso(), ended_at: null }).execute(),
      ).rejects.toThrow(/unique/i);
    });
  });
}

for (const dialect of testDialects().filter((d) => d === 'postgres')) {
  describe(`concurrent component status changes on ${dialect}`, () => {
    it('leave one open interval, each change closing the one before', async () => {
      const db = await createTestDb(dialect);
      const others = Array.from({ length: 3 }, () => openDb(db.url));
      try {
        const c = await createComponent({ ctx: { db: db.kysely, now: () => new Date() }, input: { name: 'Data service' } });
        const statuses = ['major_outage', 'partial_outage', 'degraded_performance', 'under_maintenance'] as const;
        await Promise.all(
          [db, ...others].map((d, i) => setComponentStatus({ ctx: { db: d.kysely, now: () => new Date() }, input: { id: c.id, status: statuses[i]! } })),
        );
        const intervals = await db.kysely.selectFrom('component_status_intervals').selectAll().where('component_id', '=', c.id).orderBy('id').execute();
        expect(intervals.filter((i) => i.ended_at === null)).toHaveLength(1);
        expect(intervals).toHaveLength(5);
        const current = await db.kysely.selectFrom('components').select('status').where('id', '=', c.id).executeTakeFirstOrThrow();
        expect(intervals.at(-1)!.status).toBe(current.status);
      } finally {
        await Promise.all(others.map((o) => o.kysely.destroy()));
        await db.drop();
      }
    });
  });
}
