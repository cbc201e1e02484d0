import { wantsAlert, type AlertKind } from '@/lib/domain/alerts';
import { variantReaches } from '@/lib/domain/alert-viewers';
import { memberViewers } from '@/lib/db/queries/member-viewers';
import type { SqlDialectName } from '@/lib/db/connect';
import { withTransaction, type DbOrTx } from '@/lib/db/transaction';
import { insertQueued, queuedRow } from '@/lib/notify/outbox';

/** Subscribers looked at per expansion transaction. */
export const EXPAND_BATCH = 2_000;
/** An event's first batch is small, so its first alerts go out well within a second of the change. */
export const FIRST_BATCH = 200;

/** What one expansion step did. */
export interface ExpandStep {
  eventId: string;
  queued: number;
  done: boolean;
}

/**
 * Expands the oldest alert event that may go next into outbox rows for the next `batchSize`
 * subscribers after its cursor, in one transaction that also advances the cursor, so a worker
 * killed mid-way resumes where the last commit left off and nobody is queued twice (the rows
 * are unique on (subscriber, event) besides). An event waits while an earlier event of its
 * thread is still being expanded, so a thread's rows always exist in event order. PostgreSQL
 * workers skip an event another worker is expanding (FOR UPDATE SKIP LOCKED).
 * Returns null when nothing is waiting.
 */
export async function expandNextBatch(
  db: DbOrTx,
  dialect: SqlDialectName,
  opts: { now: Date; batchSize?: number },
): Promise<ExpandStep | null> {
  const size = opts.batchSize ?? EXPAND_BATCH;
  return withTransaction(db, async (trx) => {
    let pick = trx
      .selectFrom('alert_events as e')
      .selectAll('e')
      .where('e.expanded_at', 'is', null)
      .where((w) =>
        w.not(
          w.exists(
            w.selectFrom('alert_events as p').select('p.seq').whereRef('p.thread', '=', 'e.thread').whereRef('p.seq', '<', 'e.seq').where('p.expanded_at', 'is', null),
          ),
        ),
      )
      .orderBy('e.seq')
      .limit(1);
    if (dialect === 'postgres') pick = pick.forUpdate().skipLocked();
    const event = await pick.executeTakeFirst();
    if (!event) return null;

    const kind = event.kind as AlertKind;
    const componentIds = JSON.parse(event.component_ids) as string[];
    const variant = { viewer: event.viewer, otherViewers: event.other_viewers ? (JSON.parse(event.other_viewers) as string[]) : [] };
    let scan = trx
      .selectFrom('subscribers')
      .select(['id', 'kind', 'events', 'maintenance', 'all_components', 'member_id'])
      .where('state', '=', 'active');
    if (kind === 'component.updated') scan = scan.where('kind', '=', 'webhook');
    // A member viewer's variant is only for members' subscriptions.
    if (variant.viewer !== null) scan = scan.where('member_id', 'is not', null);
    if (event.cursor) scan = scan.where('id', '>', event.cursor);
    const limit = event.cursor === null ? Math.min(FIRST_BATCH, size) : size;
    const batch = await scan.orderBy('id').limit(limit).execute();

    const chosen = new Map<string, Set<string>>();
    const partial = batch.filter((s) => !s.all_components).map((s) => s.id);
    if (componentIds.length > 0 && partial.length > 0) {
      const rows = await trx
        .selectFrom('subscriber_components')
        .select(['subscriber_id', 'component_id'])
        .where('subscriber_id', 'in', partial)
        .where('component_id', 'in', componentIds)
        .execute();
      for (const r of rows) chosen.set(r.subscriber_id, (chosen.get(r.subscriber_id) ?? new Set()).add(r.component_id));
    }
    // Each subscriber gets the one variant of the alert written for what they may see now.
    const viewers = await memberViewers(trx, batch.flatMap((s) => (s.member_id ? [s.member_id] : [])));
    const at = opts.now.toISOString();
    const rows = batch
      .filter((s) => variantReaches(variant, s.member_id ? (viewers.get(s.member_id) ?? null) : null))
      .filter((s) =>
        wantsAlert(
          { kind: s.kind, events: s.events, maintenance: s.maintenance, allComponents: s.all_components, componentIds: chosen.get(s.id) ?? new Set() },
          { kind, componentIds },
        ),
      )
      .map((s) => queuedRow({ id: s.id, channel: s.kind }, { id: event.event_id, thread: event.thread, seq: event.seq }, at));
    const queued = await insertQueued(trx, rows);
    const done = batch.length < limit;
    await trx
      .updateTable('alert_events')
      .set({ cursor: batch.at(-1)?.id ?? event.cursor, expanded_at: done ? at : null })
      .where('seq', '=', event.seq)
      .execute();
    return { eventId: event.event_id, queued, done };
  });
}

/** Alert events not yet fully expanded, and when the oldest was written (health, metrics). */
export async function expansionBacklog(db: DbOrTx, now: Date): Promise<{ waiting: number; oldestAgeSeconds: number | null }> {
  const row = await db
    .selectFrom('alert_events')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('expanded_at', 'is', null)
    .executeTakeFirst();
  const oldest = row?.oldest ? Date.parse(String(row.oldest)) : null;
  return {
    waiting: Number(row?.n ?? 0),
    oldestAgeSeconds: oldest === null ? null : Math.max(0, (now.getTime() - oldest) / 1000),
  };
}
