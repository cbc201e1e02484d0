import { reminderDue } from '@/lib/domain/alerts';
import { withTransaction, type DbOrTx } from '@/lib/db/transaction';
import { enqueueIncidentAlert } from '@/lib/notify/enqueue';

/**
 * Queues "maintenance starts soon" alerts for maintenance starting within `leadMs`.
 * Safe to run from every worker: the event key makes each reminder happen once. Returns how
 * many reminders were recorded (each expanded to its subscribers afterwards).
 */
export async function enqueueDueReminders(db: DbOrTx, now: Date, leadMs: number): Promise<number> {
  if (leadMs <= 0) return 0;
  const soon = await db
    .selectFrom('incidents')
    .select(['id', 'status', 'scheduled_for', 'created_at'])
    .where('kind', '=', 'maintenance')
    .where('status', '=', 'scheduled')
    .where('scheduled_for', '>', now.toISOString())
    .where('scheduled_for', '<=', new Date(now.getTime() + leadMs).toISOString())
    .execute();
  let queued = 0;
  for (const m of soon) {
    if (!reminderDue(m, now, leadMs)) continue;
    queued += await withTransaction(db, (trx) =>
      enqueueIncidentAlert(trx, 'maintenance.reminder', m.id, undefined, now, m.scheduled_for ?? undefined),
    );
  }
  return queued;
}
