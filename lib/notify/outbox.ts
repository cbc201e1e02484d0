import { sql, type Insertable } from 'kysely';
import type { SqlDialectName } from '@/lib/db/connect';
import { newId } from '@/lib/db/ids';
import type { NotificationRow, NotificationsTable } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';
import type { AlertSnapshot } from '@/lib/notify/alert-snapshot';

const CHUNK = 500;

/**
 * The queued state as a literal, not a parameter: SQLite uses a partial index (`WHERE state =
 * 'queued'`) only when the query names that very value, and the claim and its thread probe rely
 * on two such indexes.
 */
export const QUEUED = sql.lit<'queued'>('queued');

/** A fresh outbox row for one recipient of an event, due at once. */
export function queuedRow(
  recipient: { id: string; channel: 'email' | 'webhook' },
  event: { id: string; thread: string | null; seq: number | null },
  at: string,
): Insertable<NotificationsTable> {
  return {
    id: newId(),
    subscriber_id: recipient.id,
    event_id: event.id,
    channel: recipient.channel,
    state: 'queued',
    attempts: 0,
    available_at: at,
    lease_owner: null,
    last_error: null,
    delivered_at: null,
    created_at: at,
    updated_at: at,
    thread: event.thread,
    event_seq: event.seq,
  };
}

/** Inserts outbox rows in chunks, skipping any (subscriber, event) already queued; returns how many went in. */
export async function insertQueued(db: DbOrTx, rows: readonly Insertable<NotificationsTable>[]): Promise<number> {
  let queued = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const result = await db
      .insertInto('notifications')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['subscriber_id', 'event_id']).doNothing())
      .executeTakeFirst();
    queued += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return queued;
}

/**
 * Records an event once (its key is the primary key) and queues one row per recipient,
 * unique on (subscriber, event): for messages to a known few (confirmation, verify ping,
 * disabled notice). Alerts to the whole audience go through `recordAlertEvent` instead.
 * Returns how many rows were queued; 0 when the event had already been recorded.
 */
export async function queueEvent(
  db: DbOrTx,
  event: { key: string; incidentId: string | null; snapshot: AlertSnapshot },
  recipients: readonly { id: string; channel: 'email' | 'webhook' }[],
  now: Date,
): Promise<number> {
  if (recipients.length === 0) return 0;
  const at = now.toISOString();
  const inserted = await db
    .insertInto('notification_events')
    .values({
      id: event.key,
      type: event.snapshot.kind,
      incident_id: event.incidentId,
      payload: JSON.stringify(event.snapshot),
      created_at: at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return 0;
  const target = { id: event.key, thread: null, seq: null };
  return insertQueued(db, recipients.map((r) => queuedRow(r, target, at)));
}

/**
 * Records an alert for its whole audience as one event, expanded into outbox rows after
 * commit (see expand.ts), so the change's transaction writes two small rows whatever the
 * number of subscribers. Returns false when the event had already been recorded.
 */
export async function recordAlertEvent(
  db: DbOrTx,
  event: {
    key: string;
    incidentId: string | null;
    thread: string;
    componentIds: readonly string[];
    snapshot: AlertSnapshot;
    /** The member viewer this variant is for, and on the public event the viewers with their own (lib/domain/alert-viewers.ts). */
    viewer?: string | null;
    otherViewers?: readonly string[];
  },
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const inserted = await db
    .insertInto('notification_events')
    .values({ id: event.key, type: event.snapshot.kind, incident_id: event.incidentId, payload: JSON.stringify(event.snapshot), created_at: at })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  await db
    .insertInto('alert_events')
    .values({
      event_id: event.key,
      kind: event.snapshot.kind,
      thread: event.thread,
      component_ids: JSON.stringify(event.componentIds),
      cursor: null,
      expanded_at: null,
      created_at: at,
      viewer: event.viewer ?? null,
      other_viewers: event.otherViewers && event.otherViewers.length > 0 ? JSON.stringify(event.otherViewers) : null,
    })
    .execute();
  return true;
}

/**
 * Leases up to `limit` due rows to `worker` until `leaseUntil`. PostgreSQL skips rows other
 * workers hold (FOR UPDATE SKIP LOCKED); SQLite's single writer makes the UPDATE atomic.
 * A row whose lease expired (its worker died) is due again and is claimed like any other.
 * A row waits while an earlier alert of its thread (same incident or component) is still
 * queued for the same subscriber, e.g. an "Identified" waiting for its retry: alerts of one
 * incident reach a subscriber in order, whatever fails in between.
 */
export async function claimDue(
  db: DbOrTx,
  dialect: SqlDialectName,
  opts: { worker: string; limit: number; now: Date; leaseUntil: Date },
): Promise<NotificationRow[]> {
  const now = opts.now.toISOString();
  const due = db
    .selectFrom('notifications as n')
    .select('n.id')
    .where('n.state', '=', QUEUED)
    .where('n.available_at', '<=', now)
    .where((w) =>
      w.or([
        w('n.thread', 'is', null),
        w.not(
          w.exists(
            w
              .selectFrom('notifications as p')
              .select('p.id')
              .whereRef('p.subscriber_id', '=', 'n.subscriber_id')
              .whereRef('p.thread', '=', 'n.thread')
              .where('p.state', '=', QUEUED)
              .whereRef('p.event_seq', '<', 'n.event_seq'),
          ),
        ),
      ]),
    )
    .orderBy('n.available_at')
    .limit(opts.limit);
  return (
    db
      .updateTable('notifications')
      .set({ available_at: opts.leaseUntil.toISOString(), lease_owner: opts.worker, updated_at: now })
      // PostgreSQL turns `id IN (subquery)` into a hash join over the whole table (a sequential
      // scan per claim, 50 ms at 30,000 rows); an array of the chosen ids is looked up by key.
      .where((eb) =>
        dialect === 'postgres' ? sql<boolean>`${eb.ref('id')} = any(array(${due.forUpdate().skipLocked()}))` : eb('id', 'in', due),
      )
      .returningAll()
      .execute()
  );
}

/**
 * Extends the leases `worker` still holds on `ids` (rows waiting in a subscriber's queue or in
 * flight) and returns the ids it still holds: a row missing from the answer was taken over by
 * another worker after its lease ran out, and must not be sent by this one.
 */
export async function renewLeases(
  db: DbOrTx,
  opts: { worker: string; ids: readonly string[]; now: Date; leaseUntil: Date },
): Promise<Set<string>> {
  const held = new Set<string>();
  for (let i = 0; i < opts.ids.length; i += CHUNK) {
    const rows = await db
      .updateTable('notifications')
      .set({ available_at: opts.leaseUntil.toISOString(), updated_at: opts.now.toISOString() })
      .where('id', 'in', opts.ids.slice(i, i + CHUNK))
      .where('lease_owner', '=', opts.worker)
      .where('state', '=', 'queued')
      .returning('id')
      .execute();
    for (const r of rows) held.add(r.id);
  }
  return held;
}

/** The result of one delivery attempt, as recorded. */
export interface AttemptOutcome {
  notification: NotificationRow;
  worker: string;
  startedAt: Date;
  durationMs: number;
  ok: boolean;
  statusCode: number | null;
  response: string | null;
  error: string | null;
  /** For failures: when to try again, or null when the row is dead. Ignored on success. */
  retryAt: Date | null;
  /** For rows skipped without an attempt (subscriber gone): cancel instead. */
  cancelled?: boolean;
}

/**
 * Writes attempt rows and moves each notification on, only while the worker still holds
 * its lease (a row re-leased after expiry belongs to its new worker).
 */
export async function recordOutcomes(db: DbOrTx, outcomes: readonly AttemptOutcome[], now: Date): Promise<void> {
  if (outcomes.length === 0) return;
  const at = now.toISOString();
  const attempts = outcomes
    .filter((o) => !o.cancelled)
    .map((o) => ({
      notification_id: o.notification.id,
      attempt: o.notification.attempts + 1,
      worker: o.worker,
      started_at: o.startedAt.toISOString(),
      duration_ms: Math.round(o.durationMs),
      ok: o.ok,
      status_code: o.statusCode,
      response: o.response?.slice(0, 500) ?? null,
      error: o.error?.slice(0, 1000) ?? null,
    }));
  for (let i = 0; i < attempts.length; i += CHUNK) {
    await db.insertInto('delivery_attempts').values(attempts.slice(i, i + CHUNK)).execute();
  }
  const delivered = outcomes.filter((o) => o.ok && !o.cancelled);
  for (const worker of new Set(delivered.map((o) => o.worker))) {
    const ids = delivered.filter((o) => o.worker === worker).map((o) => o.notification.id);
    for (let i = 0; i < ids.length; i += CHUNK) {
      await db
        .updateTable('notifications')
        .set({ state: 'delivered', delivered_at: at, updated_at: at, lease_owner: null, last_error: null, attempts: sql`attempts + 1` })
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .where('lease_owner', '=', worker)
        .where('state', '=', 'queued')
        .execute();
    }
  }
  for (const o of outcomes) {
    if (o.ok && !o.cancelled) continue;
    const next = o.cancelled
      ? { state: 'cancelled' as const }
      : o.retryAt
        ? { available_at: o.retryAt.toISOString(), attempts: o.notification.attempts + 1 }
        : { state: 'dead' as const, attempts: o.notification.attempts + 1 };
    await db
      .updateTable('notifications')
      .set({ ...next, last_error: o.error?.slice(0, 1000) ?? null, lease_owner: null, updated_at: at })
      .where('id', '=', o.notification.id)
      .where('lease_owner', '=', o.worker)
      .where('state', '=', 'queued')
      .execute();
  }
}

/**
 * Refreshes PostgreSQL's statistics of the outbox after a bulk expansion. A table that grew by
 * thousands of rows since autovacuum last looked is planned with default guesses (a few dozen
 * due rows), so each claim sorts every due row and probes each one's thread: 0.7 s per claim at
 * 100,000 rows. With statistics it walks the due index and stops at the claim's limit (1 ms).
 * ANALYZE reads a sample and blocks no reader or writer. SQLite needs none: its plans come from
 * the indexes alone.
 */
export async function refreshOutboxStatistics(db: DbOrTx, dialect: SqlDialectName): Promise<void> {
  if (dialect === 'postgres') await sql`analyze notifications`.execute(db);
}
