import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { expandNextBatch, expansionBacklog } from '@/lib/notify/expand';
import { insertActiveSubscribers } from '@/lib/notify/testing/active-subscribers';
import { startAlertSinks, type AlertSinks } from '@/lib/notify/testing/alert-sinks';
import { expandAll } from '@/lib/notify/testing/expand-all';
import { NotificationWorker } from '@/lib/notify/worker';
import { createIncident } from '@/lib/services/create-incident';
import { updatePageSettings } from '@/lib/services/page-settings';
import { resolveIncident } from '@/lib/services/resolve-incident';

let sinks: AlertSinks;
beforeAll(async () => {
  sinks = await startAlertSinks();
});
afterAll(() => sinks.close());

const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;
const tag = () => Math.random().toString(36).slice(2, 8);
const SECRET = `whsec_${Buffer.from('alert-order-test-secret-0123').toString('base64')}`;

async function until(check: () => Promise<boolean> | boolean, what: string, limitMs = 20_000) {
  const end = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

for (const dialect of testDialects()) {
  describe(`alert order and fan-out on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    beforeEach(async () => {
      db = await createTestDb(dialect);
    });
    afterEach(() => db.drop());

    it('keeps "Resolved" behind an "Identified" that failed and waits for its retry, by email and webhook', async () => {
      const clock = testClock();
      const ctx = { db: db.kysely, now: clock.now };
      await updatePageSettings({ ctx, input: { name: 'Acme IoT' } });
      const email = `order-${tag()}@example.com`;
      const path = `/order-${tag()}`;
      sinks.hooks.secret(path, SECRET);
      await insertActiveSubscribers(db, [{ kind: 'email', address: email }, { kind: 'webhook', address: `${sinks.hooks.base}${path}`, secret: SECRET }], clock.now());
      const worker = new NotificationWorker({ db, now: clock.now, random: () => 0.5, concurrency: 8 });
      const mails = () => sinks.sink.messages.filter((m) => to(m) === email).map((m) => m.subject?.split(']')[1]?.split(':')[0]?.trim());
      const hooks = () => sinks.hooks.received.filter((r) => r.path === path && r.status === 204).map((r) => r.body.type);
      try {
        sinks.sink.failNext(email, 1);
        sinks.hooks.failNext(path, 1);
        const incident = await createIncident({ ctx, input: { name: 'Order test', status: 'identified' } });
        await worker.drain();
        expect(mails()).toEqual([]);
        expect(hooks()).toEqual([]);

        // "Resolved" is due long before the retry of "Identified" (about 30 s later).
        clock.advance(0.25);
        await resolveIncident({ ctx, input: { incidentId: incident.id } });
        await worker.drain();
        expect(mails()).toEqual([]);
        expect(hooks()).toEqual([]);
        const waiting = await db.kysely.selectFrom('notifications').select(['state', 'attempts']).where('state', '=', 'queued').orderBy('event_seq').execute();
        expect(waiting.map((w) => w.attempts)).toEqual([1, 1, 0, 0]);

        clock.advance(1);
        await worker.drain();
        expect(mails()).toEqual(['Identified', 'Resolved']);
        expect(hooks()).toEqual(['incident.created', 'incident.resolved']);
      } finally {
        await worker.stop();
      }
    });

    it('never sends twice to a slow subscriber whose queue outlasts the lease', { timeout: 30_000 }, async () => {
      const ctx = { db: db.kysely, now: () => new Date() };
      const path = `/slow-${tag()}`;
      sinks.hooks.secret(path, SECRET);
      sinks.hooks.delay(path, 500);
      await insertActiveSubscribers(db, [{ kind: 'webhook', address: `${sinks.hooks.base}${path}`, secret: SECRET }]);
      // Three incidents: three alerts the subscriber's serial queue takes ~1.5 s to send, 3 × the lease.
      for (const name of ['Slow one', 'Slow two', 'Slow three']) await createIncident({ ctx, input: { name } });
      await expandAll(db, new Date()); // all three are claimed together, then wait in one queue
      const worker = new NotificationWorker({ db, leaseMs: 500, pollMs: 50, concurrency: 8 });
      worker.start();
      try {
        await until(async () => {
          const left = await db.kysely.selectFrom('notifications').select('id').where('state', '!=', 'delivered').execute();
          const all = await db.kysely.selectFrom('notifications').select('id').execute();
          return all.length === 3 && left.length === 0;
        }, 'the three alerts to be delivered');
      } finally {
        await worker.stop();
      }
      const sent = sinks.hooks.received.filter((r) => r.path === path);
      expect(sent).toHaveLength(3);
      expect(new Set(sent.map((r) => r.id)).size).toBe(3);
      const attempts = await db.kysely.selectFrom('delivery_attempts').select('id').execute();
      expect(attempts).toHaveLength(3);
    });

    it('commits the change with one event row; the per-subscriber rows appear batch by batch after it', async () => {
      const clock = testClock();
      const ctx = { db: db.kysely, now: clock.now };
      await insertActiveSubscribers(db, Array.from({ length: 50 }, (_, i) => ({ kind: 'email' as const, address: `fan${i}-${tag()}@example.com` })));
      const incident = await createIncident({ ctx, input: { name: 'Fan-out after commit' } });
      const events = await db.kysely.selectFrom('alert_events').selectAll().execute();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ event_id: `incident.created:${events[0]!.event_id.split(':')[1]}`, thread: incident.id, cursor: null, expanded_at: null });
      const content = await db.kysely.selectFrom('notification_events').select('payload').where('id', '=', events[0]!.event_id).executeTakeFirstOrThrow();
      expect(JSON.parse(content.payload).incident.name).toBe('Fan-out after commit');
      expect(await db.kysely.selectFrom('notifications').select('id').execute()).toEqual([]);
      clock.advance(1);
      expect(await expansionBacklog(db.kysely, clock.now())).toEqual({ waiting: 1, oldestAgeSeconds: 60 });

      // One batch of 20: the cursor moves with the rows, in the same transaction.
      const first = await expandNextBatch(db.kysely, db.dialect, { now: clock.now(), batchSize: 20 });
      expect(first).toMatchObject({ queued: 20, done: false });
      const midway = await db.kysely.selectFrom('alert_events').select(['cursor', 'expanded_at']).executeTakeFirstOrThrow();
      const rows = await db.kysely.selectFrom('notifications').select('subscriber_id').orderBy('subscriber_id').execute();
      expect(rows).toHaveLength(20);
      expect(midway).toEqual({ cursor: rows.at(-1)!.subscriber_id, expanded_at: null });

      expect(await expandAll(db, clock.now(), 20)).toBe(30);
      expect(await expandAll(db, clock.now(), 20)).toBe(0);
      const all = await db.kysely.selectFrom('notifications').select(['subscriber_id', 'thread', 'event_seq']).execute();
      expect(new Set(all.map((r) => r.subscriber_id)).size).toBe(50);
      expect(all.every((r) => r.thread === incident.id && r.event_seq === events[0]!.seq)).toBe(true);
      const done = await db.kysely.selectFrom('alert_events').select('expanded_at').executeTakeFirstOrThrow();
      expect(done.expanded_at).not.toBeNull();
      expect(await expansionBacklog(db.kysely, clock.now())).toEqual({ waiting: 0, oldestAgeSeconds: null });
    });
  });
}
