import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { getOperationalMetrics } from '@/lib/services/get-operational-metrics';
import { subscribe } from '@/lib/services/subscribe';

process.env.BEACON_ALLOW_PRIVATE_WEBHOOKS = 'true';

for (const dialect of testDialects()) {
  describe(`operational metrics on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    const ctx = () => ({ db: db.kysely, now: clock.now });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
    });
    afterEach(async () => db.drop());

    it('is empty on a new page', async () => {
      expect(await getOperationalMetrics({ ctx: ctx() })).toEqual({ outboxBacklog: 0, oldestPendingSeconds: 0, deliveries: [] });
    });

    it('counts the queued alerts, the age of the oldest, and alerts by state and channel', async () => {
      // The clock moves in minutes. Each new webhook subscription queues its verification ping.
      const hook = (n: number) => subscribe({ ctx: ctx(), input: { type: 'webhook', url: `http://127.0.0.1:9/hook${n}`, email: `ops${n}@example.com` } });
      await hook(1);
      await hook(2);
      clock.advance(90);
      await hook(3);
      clock.advance(30);

      const queued = await db.kysely.selectFrom('notifications').select(['id', 'channel']).where('state', '=', 'queued').execute();
      expect(queued.length).toBe(3);
      const ops = await getOperationalMetrics({ ctx: ctx() });
      expect(ops.outboxBacklog).toBe(3);
      expect(ops.oldestPendingSeconds).toBeCloseTo(120 * 60, 3);
      expect(ops.deliveries).toEqual([{ state: 'queued', channel: queued[0]!.channel, count: 3 }]);

      const oldest = await db.kysely.selectFrom('notifications').select('id').orderBy('created_at').limit(2).execute();
      await db.kysely.updateTable('notifications').set({ state: 'delivered' }).where('id', 'in', oldest.map((o) => o.id)).execute();
      const after = await getOperationalMetrics({ ctx: ctx() });
      expect(after.outboxBacklog).toBe(1);
      expect(after.oldestPendingSeconds).toBeCloseTo(30 * 60, 3);
      expect(after.deliveries).toEqual(
        expect.arrayContaining([
          { state: 'queued', channel: queued[0]!.channel, count: 1 },
          { state: 'delivered', channel: queued[0]!.channel, count: 2 },
        ]),
      );
    });
  });
}
