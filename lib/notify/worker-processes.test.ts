import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db, SqlDialectName } from '@/lib/db/connect';
import { testDialects } from '@/lib/db/testing/test-db';
import { insertActiveSubscribers } from '@/lib/notify/testing/active-subscribers';
import { createSharedTestDb } from '@/lib/notify/testing/process-db';
import { startSmtpSink } from '@/lib/notify/testing/smtp-sink';
import { createIncident } from '@/lib/services/create-incident';

const SUBSCRIBERS = 2_000;
const CONCURRENCY = 32;

/** Starts `npm run worker` as a real child process against `url`. */
function startWorker(url: string, smtpUrl: string, extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      SMTP_URL: smtpUrl,
      BEACON_PUBLIC_URL: 'http://status.acme.test',
      BEACON_WORKER_CONCURRENCY: String(CONCURRENCY),
      BEACON_WORKER_LEASE_SECONDS: '2',
      BEACON_WORKER_POLL_MS: '100',
      BEACON_MAINTENANCE_REMINDER_MINUTES: '0',
      // One process, so a kill is a worker's death; the forking supervisor has a test of its own.
      BEACON_WORKER_PROCESSES: '1',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function until(check: () => Promise<boolean> | boolean, what: string, limitMs = 90_000) {
  const end = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Whether all `total` outbox rows exist and are delivered, read in one query. Two reads ("none
 * left" then "some exist") were true with nothing sent when the event's first batch committed
 * between them (CI, stop 23).
 */
async function allDelivered(db: { kysely: Db['kysely'] }, total: number): Promise<boolean> {
  const row = await db.kysely
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('state', '=', 'delivered')
    .executeTakeFirstOrThrow();
  return Number(row.n) === total;
}

/** Which outbox row each received message was, from its X-Beacon-Notification header. */
const notificationIds = (raw: Buffer[]) => raw.map((m) => /X-Beacon-Notification: (\w+)/i.exec(m.toString('utf8'))?.[1] ?? '?');

async function setup(dialect: SqlDialectName) {
  const db = await createSharedTestDb(dialect);
  const sink = await startSmtpSink({ parse: false });
  await insertActiveSubscribers(db, Array.from({ length: SUBSCRIBERS }, (_, i) => ({ kind: 'email' as const, address: `sub${i}@example.com` })));
  return { db, sink };
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

for (const dialect of testDialects()) {
  describe(`worker processes on ${dialect}`, () => {
    it('stays up with an empty outbox, then delivers what comes in later', { timeout: 60_000 }, async () => {
      const db = await createSharedTestDb(dialect);
      const sink = await startSmtpSink({ parse: false });
      try {
        const worker = startWorker(db.url, sink.url);
        children.push(worker);
        await new Promise((r) => setTimeout(r, 3_000));
        expect(worker.exitCode, 'the worker exited with nothing to do').toBeNull();
        await insertActiveSubscribers(db, [{ kind: 'email', address: 'late@example.com' }]);
        await createIncident({ ctx: { db: db.kysely, now: () => new Date() }, input: { name: 'Comes in later' } });
        await until(() => sink.received() === 1, 'the alert that came in after a quiet start', 20_000);
        worker.kill('SIGTERM');
        expect(await new Promise((r) => worker.once('exit', r))).toBe(0);
      } finally {
        await sink.close();
        await db.drop();
      }
    });

    it(`serves every one of ${SUBSCRIBERS} subscribers after a worker is killed mid fan-out`, { timeout: 150_000 }, async () => {
      const { db, sink } = await setup(dialect);
      try {
        await createIncident({ ctx: { db: db.kysely, now: () => new Date() }, input: { name: 'Fan-out under fire' } });
        const first = startWorker(db.url, sink.url);
        children.push(first);
        await until(() => sink.received() >= SUBSCRIBERS / 5, 'the first worker to get going');
        first.kill('SIGKILL');
        await new Promise((r) => first.once('exit', r));
        const beforeRestart = sink.received();
        expect(beforeRestart).toBeLessThan(SUBSCRIBERS);
        // Rows the dead worker still held: claimed, maybe sent, outcome never written.
        const held = (
          await db.kysely.selectFrom('notifications').select('id').where('state', '=', 'queued').where('lease_owner', 'is not', null).execute()
        ).length;

        const second = startWorker(db.url, sink.url);
        children.push(second);
        await until(() => allDelivered(db, SUBSCRIBERS), 'every alert to be delivered');
        second.kill('SIGTERM');

        const ids = notificationIds(sink.raw);
        const distinct = new Set(ids);
        const duplicates = ids.length - distinct.size;
        console.log(
          `[kill test ${dialect}] ${beforeRestart} sent before SIGKILL, ${held} rows in flight (leased, unrecorded), ${ids.length} messages in all, ${duplicates} duplicates`,
        );
        expect(distinct.size).toBe(SUBSCRIBERS);
        expect(duplicates).toBeLessThanOrEqual(held);
      } finally {
        await sink.close();
        await db.drop();
      }
    });

    it('gives each of 10,000 subscribers one alert after a worker is killed while expanding the event', { timeout: 150_000 }, async () => {
      const db = await createSharedTestDb(dialect);
      const sink = await startSmtpSink({ parse: false });
      const total = 10_000;
      try {
        await insertActiveSubscribers(db, Array.from({ length: total }, (_, i) => ({ kind: 'email' as const, address: `x${i}@example.com` })));
        await createIncident({ ctx: { db: db.kysely, now: () => new Date() }, input: { name: 'Expansion under fire' } });
        const rows = async () => Number((await db.kysely.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
        // Small batches, so the expansion takes many transactions and the kill lands inside it.
        const first = startWorker(db.url, sink.url, { BEACON_WORKER_EXPAND_BATCH: '100' });
        children.push(first);
        await until(async () => (await rows()) >= 500, 'the expansion to get going', 30_000);
        first.kill('SIGKILL');
        await new Promise((r) => first.once('exit', r));
        const atKill = await rows();
        const event = await db.kysely.selectFrom('alert_events').select(['cursor', 'expanded_at']).executeTakeFirstOrThrow();
        expect(event.expanded_at, 'the kill came after the expansion had finished').toBeNull();
        expect(atKill).toBeLessThan(total);
        const held = (await db.kysely.selectFrom('notifications').select('id').where('state', '=', 'queued').where('lease_owner', 'is not', null).execute()).length;

        const second = startWorker(db.url, sink.url);
        children.push(second);
        await until(() => allDelivered(db, total), 'every alert to be expanded and delivered');
        second.kill('SIGTERM');

        // One outbox row per subscriber; one message per row, but for rows in flight at the kill.
        const perSubscriber = await db.kysely.selectFrom('notifications').select('subscriber_id').distinct().execute();
        expect(perSubscriber).toHaveLength(total);
        const ids = notificationIds(sink.raw);
        const recipients = new Set(sink.raw.map((m) => /^To: (\S+)/im.exec(m.toString('utf8'))?.[1]));
        console.log(`[expansion kill] ${atKill} rows expanded at SIGKILL, ${held} in flight, ${ids.length} messages, ${ids.length - new Set(ids).size} duplicates`);
        expect(new Set(ids).size).toBe(total);
        expect(recipients.size).toBe(total);
        expect(ids.length - new Set(ids).size).toBeLessThanOrEqual(held);
      } finally {
        await sink.close();
        await db.drop();
      }
    });

    // Several workers share one database only on PostgreSQL (SKIP LOCKED); SQLite runs one.
    if (dialect === 'postgres') it(`forks worker processes that share ${SUBSCRIBERS} alerts, each sent once, and stop together on SIGTERM`, { timeout: 150_000 }, async () => {
      const { db, sink } = await setup(dialect);
      try {
        const supervisor = startWorker(db.url, sink.url, { BEACON_WORKER_PROCESSES: '2' });
        children.push(supervisor);
        await createIncident({ ctx: { db: db.kysely, now: () => new Date() }, input: { name: 'Forked fan-out' } });
        await until(() => allDelivered(db, SUBSCRIBERS), 'every alert to be delivered');
        const ids = notificationIds(sink.raw);
        const workers = await db.kysely.selectFrom('delivery_attempts').select('worker').distinct().execute();
        console.log(`[forked workers ${dialect}] ${ids.length} messages from ${workers.length} worker processes`);
        expect(ids.length).toBe(SUBSCRIBERS);
        expect(new Set(ids).size).toBe(SUBSCRIBERS);
        expect(workers.length).toBe(2);
        supervisor.kill('SIGTERM');
        expect(await new Promise((r) => supervisor.once('exit', r))).toBe(0);
      } finally {
        await sink.close();
        await db.drop();
      }
    });

    // Several workers share one database only on PostgreSQL (SKIP LOCKED); SQLite runs one.
    if (dialect === 'postgres') it(`shares ${SUBSCRIBERS} alerts between two workers with zero duplicates`, { timeout: 150_000 }, async () => {
      const { db, sink } = await setup(dialect);
      try {
        const a = startWorker(db.url, sink.url);
        const b = startWorker(db.url, sink.url);
        children.push(a, b);
        await createIncident({ ctx: { db: db.kysely, now: () => new Date() }, input: { name: 'Shared fan-out' } });
        await until(() => allDelivered(db, SUBSCRIBERS), 'every alert to be delivered');
        a.kill('SIGTERM');
        b.kill('SIGTERM');
        const ids = notificationIds(sink.raw);
        const workers = await db.kysely.selectFrom('delivery_attempts').select('worker').distinct().execute();
        console.log(`[two workers] ${ids.length} messages from ${workers.length} workers`);
        expect(ids.length).toBe(SUBSCRIBERS);
        expect(new Set(ids).size).toBe(SUBSCRIBERS);
      } finally {
        await sink.close();
        await db.drop();
      }
    });
  });
}
