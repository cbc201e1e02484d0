import type { ExpressionBuilder, Selectable } from 'kysely';
import type { DbOrTx } from '@/lib/db/transaction';
import type { Database } from '@/lib/db/schema';
import type { NoticeDeliveriesTable } from '@/lib/db/schema-notices';

export type NoticeDeliveryRow = Selectable<NoticeDeliveriesTable>;

/**
 * Claims the notice messages due now — queued and past `available_at`, or left `sending` by a
 * sender whose lease ran out — by marking them `sending` until `leaseUntil`, in one statement:
 * of two instances claiming at once, each message goes to one (PostgreSQL re-checks the state
 * of a row another transaction just claimed; SQLite has one writer). Only `noticeId`'s, if given.
 */
export async function claimNoticeDeliveries(
  db: DbOrTx,
  opts: { now: Date; leaseUntil: Date; noticeId?: string; limit: number },
): Promise<NoticeDeliveryRow[]> {
  const now = opts.now.toISOString();
  const due = (w: ExpressionBuilder<Database, 'notice_deliveries'>) =>
    w.or([
      w.and([w('state', '=', 'queued'), w.or([w('available_at', 'is', null), w('available_at', '<=', now)])]),
      w.and([w('state', '=', 'sending'), w('lease_until', '<', now)]),
    ]);
  let pick = db.selectFrom('notice_deliveries').select('id').where(due).orderBy('created_at').orderBy('id').limit(opts.limit);
  if (opts.noticeId) pick = pick.where('notice_id', '=', opts.noticeId);
  const ids = (await pick.execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  return db
    .updateTable('notice_deliveries')
    .set({ state: 'sending', lease_until: opts.leaseUntil.toISOString() })
    .where('id', 'in', ids)
    .where(due)
    .returningAll()
    .execute();
}
