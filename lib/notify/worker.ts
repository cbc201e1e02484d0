import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { nextAttemptAt } from '@/lib/domain/backoff';
import type { Db } from '@/lib/db/connect';
import type { NotificationRow, SubscriberRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import type { AlertSnapshot } from '@/lib/notify/alert-snapshot';
import { deliver, PreparedEvents, stillWanted } from '@/lib/notify/deliver';
import { expandNextBatch } from '@/lib/notify/expand';
import { memberViewers } from '@/lib/db/queries/member-viewers';
import { claimDue, recordOutcomes, refreshOutboxStatistics, renewLeases, type AttemptOutcome } from '@/lib/notify/outbox';
import { enqueueDueReminders } from '@/lib/notify/reminders';
import { markFailing, markHealthy, markVerified } from '@/lib/notify/subscriber-health';

export interface WorkerOptions {
  db: Db;
  id?: string;
  /** Deliveries in flight at once. */
  concurrency?: number;
  /** How long a claimed row stays ours; after that another worker may take it. */
  leaseMs?: number;
  /** Fallback poll when no change wakes the worker. */
  pollMs?: number;
  /** Lead time of maintenance reminders (0 = none). */
  reminderLeadMs?: number;
  /** How long a webhook may fail before it is disabled. */
  disableAfterMs?: number;
  /** Subscribers looked at per expansion transaction. */
  expandBatch?: number;
  now?: () => Date;
  random?: () => number;
}

const FLUSH_EVERY = 500;
const FLUSH_AFTER_MS = 200;
const REMINDER_EVERY_MS = 30_000;

/**
 * Expands alert events into outbox rows in batches, claims due rows with a lease (renewed
 * while they wait and while they are delivered), delivers them with bounded concurrency,
 * records every attempt in batches, retries with backoff and marks rows dead at the end.
 */
export class NotificationWorker {
  readonly id: string;
  private readonly db: Db;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly reminderLeadMs: number;
  private readonly disableAfterMs: number;
  private readonly expandBatch: number | undefined;
  private readonly now: () => Date;
  private readonly random: () => number;
  private inflight = 0;
  private pumping: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private buffer: { outcome: AttemptOutcome; subscriber?: SubscriberRow; kind: AlertSnapshot['kind'] }[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private events = new Map<string, AlertSnapshot>();
  /** Per event, what all its recipients share (a composed message): made once, not per row. */
  private prepared = new PreparedEvents();
  private lastReminderRun = 0;
  private idleWaiters: (() => void)[] = [];
  /** Rows this worker holds a lease on and has not recorded yet (waiting, in flight, buffered). */
  private held = new Set<string>();
  /** Held rows whose lease another worker took over: skipped if not started yet. */
  private lost = new Set<string>();
  private renewTimer: NodeJS.Timeout | undefined;
  private expanding: Promise<void> | undefined;
  /**
   * Whether an alert event may be waiting for expansion: set by every wake (a commit, the poll),
   * cleared when a look finds none. Refills after deliveries skip the look, a write transaction
   * each on SQLite (it was one per 23 rows sent).
   */
  private expandWanted = true;
  private halting = false;
  private claimed = 0;
  /** Deliveries attempted by this worker (for benchmarks and logs). */
  attempted = 0;

  constructor(opts: WorkerOptions) {
    this.db = opts.db;
    this.id = opts.id ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.concurrency = opts.concurrency ?? 256;
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.pollMs = opts.pollMs ?? 1000;
    this.reminderLeadMs = opts.reminderLeadMs ?? 0;
    this.disableAfterMs = opts.disableAfterMs ?? 5 * 24 * 3_600_000;
    this.expandBatch = opts.expandBatch;
    this.now = opts.now ?? (() => new Date());
    this.random = opts.random ?? Math.random;
  }

  /** Starts polling; `wake()` makes it look for work at once. */
  start(): this {
    if (!this.stopped) return this;
    this.stopped = false;
    this.halting = false;
    const tick = () => {
      this.wake();
      this.timer = setTimeout(tick, this.pollMs);
      this.timer.unref?.();
    };
    tick();
    const renew = () => {
      void this.renew().catch((error) => console.error('[beacon] lease renewal failed', error));
      this.renewTimer = setTimeout(renew, Math.max(50, this.leaseMs / 3));
      this.renewTimer.unref?.();
    };
    this.renewTimer = setTimeout(renew, Math.max(50, this.leaseMs / 3));
    this.renewTimer.unref?.();
    return this;
  }

  /** Looks for new alert events and due rows now (called on commit of a change). */
  wake(): void {
    this.expandWanted = true;
    this.refill();
  }

  /** Claims due rows into free slots; alert events are looked for only after a wake. */
  private refill(): void {
    if (this.halting) return;
    void this.pump().catch((error) => console.error('[beacon] worker pump failed', error));
  }

  /** Stops claiming, waits for deliveries in flight and writes their outcomes. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.halting = true;
    clearTimeout(this.timer);
    clearTimeout(this.renewTimer);
    await this.expanding;
    await this.pumping;
    await this.idle();
    await this.flush();
  }

  /** Runs until nothing is due and nothing is in flight (tests and scripts). */
  async drain(): Promise<void> {
    for (;;) {
      // Counted before expanding: the expansion itself wakes a pump that may claim.
      const claimedBefore = this.claimed;
      await this.expand();
      await this.pumping; // a run that may be past its last claim: start a fresh one after it
      await this.pump();
      await this.idle();
      await this.flush();
      const pending = await this.db.kysely.selectFrom('alert_events').select('seq').where('expanded_at', 'is', null).limit(1).execute();
      // Rows still due but not claimed wait behind an earlier alert of their thread.
      if (pending.length === 0 && this.claimed === claimedBefore && this.inflight === 0) return;
    }
  }

  private idle(): Promise<void> {
    if (this.inflight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Claims and launches until full or nothing is due; a call while one runs joins it. */
  private pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return this.pumping;
    }
    this.pumping = this.claimAndLaunch().finally(() => {
      this.pumping = undefined;
      // A wake that came after the last claim of that run must not be lost.
      if (this.again && !this.stopped) this.refill();
    });
    return this.pumping;
  }

  private async claimAndLaunch(): Promise<void> {
    {
      await this.maybeRemind();
      if (!this.stopped && this.expandWanted) void this.expand();
      do {
        this.again = false;
        while (this.inflight < this.concurrency) {
          const room = this.concurrency - this.inflight;
          const now = this.now();
          const rows = await claimDue(this.db.kysely, this.db.dialect, {
            worker: this.id,
            limit: room,
            now,
            leaseUntil: new Date(now.getTime() + this.leaseMs),
          });
          if (rows.length === 0) break;
          this.claimed += rows.length;
          // A row still held here (its lease lapsed while it waited) is not ours to start twice.
          const fresh = rows.filter((r) => !this.held.has(r.id));
          for (const r of fresh) this.held.add(r.id);
          if (fresh.length > 0) await this.launch(fresh);
          if (rows.length < room) break;
        }
      } while (this.again);
    }
  }

  /**
   * Expands waiting alert events batch by batch until none is left, waking the pump after each
   * batch so the first rows go out while the rest are still being written. One loop at a time.
   */
  private expand(): Promise<void> {
    this.expanding ??= (async () => {
      let event: string | undefined;
      let batches = 0;
      try {
        for (;;) {
          this.expandWanted = false;
          const startedAt = performance.now();
          const step = await expandNextBatch(this.db.kysely, this.db.dialect, { now: this.now(), batchSize: this.expandBatch });
          if (this.halting) return;
          // A wake while this look ran may have come with an event it did not see yet: look again.
          if (!step) {
            if (this.expandWanted) continue;
            return;
          }
          if (step.queued > 0) this.refill();
          batches = step.eventId === event ? batches + 1 : 1;
          event = step.eventId;
          // Once a large event is being written (its second batch), so claims are planned for its size.
          if (batches === 2 && !step.done) await refreshOutboxStatistics(this.db.kysely, this.db.dialect);
          // A batch runs synchronously on SQLite; while alerts are in flight, rest as long as it took
          // (up to 100 ms), so their SMTP and HTTP round trips are not each held up behind the next
          // batch: the first alerts of a 100,000-subscriber event went out after ~1 s instead of ~0.3 s.
          const rest = this.inflight > 0 ? Math.min(100, performance.now() - startedAt) : 0;
          await new Promise((r) => (rest > 1 ? setTimeout(r, rest) : setImmediate(r)));
        }
      } catch (error) {
        console.error('[beacon] alert expansion failed', error);
      } finally {
        this.expanding = undefined;
      }
    })();
    return this.expanding;
  }

  /** Extends the lease of every row this worker holds; forgets the ones another worker took. */
  private async renew(): Promise<void> {
    if (this.held.size === 0) return;
    const now = this.now();
    const ids = [...this.held];
    const kept = await renewLeases(this.db.kysely, { worker: this.id, ids, now, leaseUntil: new Date(now.getTime() + this.leaseMs) });
    for (const id of ids) if (!kept.has(id)) this.lost.add(id);
  }

  private async maybeRemind(): Promise<void> {
    const now = this.now();
    if (this.reminderLeadMs <= 0 || now.getTime() - this.lastReminderRun < REMINDER_EVERY_MS) return;
    this.lastReminderRun = now.getTime();
    await enqueueDueReminders(this.db.kysely, now, this.reminderLeadMs);
  }

  private async launch(rows: NotificationRow[]): Promise<void> {
    const subscriberIds = [...new Set(rows.map((r) => r.subscriber_id))];
    const subscribers = new Map(
      (await this.db.kysely.selectFrom('subscribers').selectAll().where('id', 'in', subscriberIds).execute()).map((s) => [s.id, s]),
    );
    const missing = [...new Set(rows.map((r) => r.event_id))].filter((id) => !this.events.has(id));
    if (missing.length > 0) {
      const loaded = await this.db.kysely.selectFrom('notification_events').select(['id', 'payload']).where('id', 'in', missing).execute();
      if (this.events.size > 500) this.events.clear();
      for (const e of loaded) this.events.set(e.id, JSON.parse(e.payload) as AlertSnapshot);
    }
    // A member's variant goes only to someone still seeing it: whoever left the audience since
    // the alert was written is not sent it (checked here, at the moment of sending).
    const viewerOf = await memberViewers(
      this.db.kysely,
      rows.flatMap((r) => {
        const member = this.events.get(r.event_id)?.viewer ? subscribers.get(r.subscriber_id)?.member_id : null;
        return member ? [member] : [];
      }),
    );
    // One subscriber's alerts go out one after another, oldest first, so "Resolved" never
    // overtakes "Identified"; different subscribers are served in parallel.
    const bySubscriber = new Map<string, NotificationRow[]>();
    for (const row of [...rows].sort((a, b) => a.created_at.localeCompare(b.created_at))) {
      bySubscriber.set(row.subscriber_id, [...(bySubscriber.get(row.subscriber_id) ?? []), row]);
    }
    for (const [subscriberId, queue] of bySubscriber) {
      this.inflight += queue.length;
      void (async () => {
        for (const [i, row] of queue.entries()) {
          try {
            // A row that waited behind others starts only if its lease is still ours, renewed
            // now: a queue outlasting the lease never sends a row another worker took.
            if (i > 0 && !(await this.stillHeld(row))) continue;
            const subscriber = subscribers.get(subscriberId);
            await this.run(row, subscriber, this.events.get(row.event_id), subscriber?.member_id ? (viewerOf.get(subscriber.member_id) ?? null) : null);
          } catch (error) {
            this.release(row.id);
            console.error('[beacon] delivery failed', error);
          } finally {
            this.inflight -= 1;
          }
        }
      })().finally(() => {
        if (this.inflight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
        // Refill as soon as a worthwhile batch of slots is free, so slow endpoints holding
        // some slots never starve the rest.
        if (!this.stopped && this.concurrency - this.inflight >= Math.max(1, Math.min(64, this.concurrency / 4))) this.refill();
      });
    }
  }

  private async stillHeld(row: NotificationRow): Promise<boolean> {
    if (!this.lost.has(row.id)) {
      const now = this.now();
      const kept = await renewLeases(this.db.kysely, { worker: this.id, ids: [row.id], now, leaseUntil: new Date(now.getTime() + this.leaseMs) });
      if (kept.has(row.id)) return true;
    }
    this.release(row.id);
    return false;
  }

  private release(id: string): void {
    this.held.delete(id);
    this.lost.delete(id);
  }

  private async run(row: NotificationRow, subscriber: SubscriberRow | undefined, snapshot: AlertSnapshot | undefined, viewer: string | null) {
    const startedAt = this.now();
    const base = { notification: row, worker: this.id, startedAt, statusCode: null, response: null };
    const seesIt = snapshot?.viewer === undefined || snapshot.viewer === viewer;
    if (!snapshot || !subscriber || !stillWanted(snapshot.kind, subscriber) || !seesIt) {
      const error = !snapshot ? 'event missing' : !seesIt ? 'member no longer in the audiences this alert is for' : 'subscriber no longer subscribed';
      this.push({ ...base, durationMs: 0, ok: false, error, retryAt: null, cancelled: true }, subscriber, snapshot?.kind ?? 'incident.updated');
      return;
    }
    const t0 = performance.now();
    const result = await deliver({ db: this.db.kysely, row, subscriber, snapshot, now: startedAt, prepared: this.prepared });
    this.attempted += 1;
    const durationMs = performance.now() - t0;
    const retryAt = result.ok ? null : nextAttemptAt(row.attempts + 1, this.now(), this.random());
    this.push({ ...base, ...result, durationMs, retryAt }, subscriber, snapshot.kind);
  }

  private push(outcome: AttemptOutcome, subscriber: SubscriberRow | undefined, kind: AlertSnapshot['kind']) {
    this.buffer.push({ outcome, subscriber, kind });
    if (this.buffer.length >= FLUSH_EVERY) void this.flush();
    else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => void this.flush(), FLUSH_AFTER_MS);
    }
  }

  /** Writes buffered outcomes in one transaction (serialised, so writes never interleave). */
  flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.buffer.splice(0);
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      const now = this.now();
      try {
        await withTransaction(this.db.kysely, async (trx) => {
          await recordOutcomes(trx, batch.map((b) => b.outcome), now);
          const healthy: string[] = [];
          for (const { outcome: o, subscriber, kind } of batch) {
            if (!subscriber || o.cancelled || o.notification.channel !== 'webhook') continue;
            if (kind === 'subscription.verify') {
              if (o.ok) await markVerified(trx, subscriber.id, now);
            } else if (o.ok) healthy.push(subscriber.id);
            else await markFailing(trx, subscriber, now, this.disableAfterMs);
          }
          await markHealthy(trx, [...new Set(healthy)]);
        });
      } catch (error) {
        // The rows stay leased and come back when the lease expires: at least once, never lost.
        console.error('[beacon] recording delivery outcomes failed', error);
      } finally {
        for (const b of batch) this.release(b.outcome.notification.id);
      }
    });
    return this.flushing;
  }
}
