import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { createComponent } from '@/lib/services/create-component';
import { createMaintenance } from '@/lib/services/create-maintenance';
import { startLeasedJob, type LeasedJob } from '@/lib/services/job-lease';
import { runMaintenanceTransitions } from '@/lib/services/run-maintenance-transitions';
import { expandAll } from '@/lib/notify/testing/expand-all';

const WINDOWS = 40;

/** Waits until `check` holds, polling; fails after `ms`. */
async function until(check: () => Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Two instances are two processes on PostgreSQL. SQLite has one process writing: two handles in
// one process would block each other's event loop on the file lock, which no deployment does.
for (const dialect of testDialects().filter((d) => d === 'postgres')) {
  describe(`the scheduler on two instances of one ${dialect} database`, () => {
    let db: Db & { url: string; drop: () => Promise<void> };
    let other: Db;
    const ctx = (d: Db = db) => ({ db: d.kysely, now: () => new Date() });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      other = openDb(db.url);
      const at = new Date().toISOString();
      await db.kysely
        .insertInto('subscribers')
        .values({
          id: 'subscriber01', kind: 'email', email: 'noc@example.com', url: null, state: 'active', all_components: true,
          events: 'all', maintenance: true, token: 'token-1', secret: null, confirm_token: null, confirm_expires_at: null,
          confirmed_at: at, failing_since: null, disabled_at: null, unsubscribed_at: null, created_at: at, updated_at: at,
        })
        .execute();
    });
    afterEach(async () => {
      await other.kysely.destroy();
      await db.drop();
    });

    /** `WINDOWS` windows with automatic start and completion, edges `gapMs` apart, each 400 ms long. */
    async function scheduleWindows(firstInMs: number, gapMs: number) {
      const t0 = Date.now() + firstInMs;
      const ids: string[] = [];
      for (let i = 0; i < WINDOWS; i++) {
        const component = await createComponent({ ctx: ctx(), input: { name: `Breakout ${i}` } });
        const m = await createMaintenance({
          ctx: ctx(),
          input: {
            name: `Window ${i}`,
            scheduledFor: new Date(t0 + i * gapMs).toISOString(),
            scheduledUntil: new Date(t0 + i * gapMs + 400).toISOString(),
            componentIds: [component.id],
          },
        });
        ids.push(m.id);
      }
      return ids;
    }

    async function updatesByStatus() {
      const rows = await db.kysely.selectFrom('incident_updates').select(['incident_id', 'status']).execute();
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(`${r.incident_id}:${r.status}`, (counts.get(`${r.incident_id}:${r.status}`) ?? 0) + 1);
      return counts;
    }

    async function alertsByEvent() {
      // Alert events become per-subscriber rows after commit, as a worker would expand them.
      await expandAll(db, new Date());
      const rows = await db.kysely
        .selectFrom('notifications')
        .innerJoin('notification_events', 'notification_events.id', 'notifications.event_id')
        .select(['notification_events.incident_id', 'notification_events.type'])
        .execute();
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(`${r.incident_id}:${r.type}`, (counts.get(`${r.incident_id}:${r.type}`) ?? 0) + 1);
      return counts;
    }

    async function allCompleted() {
      const open = await db.kysely.selectFrom('incidents').select('id').where('status', '!=', 'completed').execute();
      return open.length === 0;
    }

    function expectEachOnce(ids: string[], updates: Map<string, number>, alerts: Map<string, number>) {
      for (const id of ids) {
        expect([updates.get(`${id}:in_progress`), updates.get(`${id}:completed`)]).toEqual([1, 1]);
        expect([alerts.get(`${id}:maintenance.started`), alerts.get(`${id}:maintenance.completed`)]).toEqual([1, 1]);
        expect(alerts.get(`${id}:maintenance.updated`)).toBeUndefined();
      }
      expect(updates.size).toBe(3 * ids.length); // scheduled, in_progress, completed
    }

    it('starts and completes every window exactly once, with one update and one alert each, across a handover', async () => {
      const ids = await scheduleWindows(600, 60);
      const jobs: LeasedJob[] = [db, other].map((d, i) =>
        startLeasedJob({
          db: d.kysely,
          name: 'scheduler',
          holder: `instance-${i + 1}`,
          tickMs: 200,
          run: async () => void (await runMaintenanceTransitions({ ctx: ctx(d) })),
        }),
      );
      try {
        // Early on, the holder stops (a deploy); the other instance takes the lease and finishes.
        const started = async () => (await db.kysely.selectFrom('incidents').select('id').where('status', '!=', 'scheduled').execute()).length;
        await until(async () => (await started()) >= 5, 20_000, 'the first windows to start');
        const holder = jobs.find((j) => j.state().holdsLease)!;
        expect(jobs.filter((j) => j.state().holdsLease)).toEqual([holder]);
        await holder.stop();
        const survivor = jobs.find((j) => j !== holder)!;
        await until(async () => survivor.state().holdsLease, 5_000, 'the other instance to take the lease');
        await until(allCompleted, 20_000, 'every window to complete');
        // A few more ticks: nothing moves twice.
        const last = survivor.state().lastTickAt!;
        await until(async () => survivor.state().lastTickAt! > last, 5_000, 'another tick');
      } finally {
        await Promise.all(jobs.map((j) => j.stop()));
      }

      expectEachOnce(ids, await updatesByStatus(), await alertsByEvent());
      const intervals = await db.kysely.selectFrom('component_status_intervals').select(['component_id', 'status']).orderBy('id').execute();
      expect(intervals.filter((i) => i.status === 'under_maintenance')).toHaveLength(WINDOWS);
      expect(await db.kysely.selectFrom('job_leases').selectAll().execute()).toEqual([]);
    });

    it('never moves a window twice when ticks of two instances run at once, lease or not', async () => {
      const ids = await scheduleWindows(-2_000, 30);
      const done = await Promise.all([
        runMaintenanceTransitions({ ctx: ctx(db) }),
        runMaintenanceTransitions({ ctx: ctx(other) }),
        runMaintenanceTransitions({ ctx: ctx(other) }),
      ]);
      expect(done.flat().sort()).toEqual(ids.map((id) => `${id}:completed`).sort());
      expect(await allCompleted()).toBe(true);
      expectEachOnce(ids, await updatesByStatus(), await alertsByEvent());
    });
  });
}
