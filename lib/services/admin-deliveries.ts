import { QUEUED } from '@/lib/notify/outbox';
import { z } from 'zod';
import { withTransaction, type DbOrTx } from '@/lib/db/transaction';
import { afterCommit } from '@/lib/db/transaction';
import { wakeWorkers } from '@/lib/notify/wake';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { ConflictError, NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

export const DeliveryFilter = z.object({ state: z.enum(['queued', 'delivered', 'dead', 'cancelled']).optional() });

/** Recent alerts with their attempts, newest first. */
export async function listDeliveries(db: DbOrTx, filter: z.input<typeof DeliveryFilter>, limit = 100) {
  const f = parseInput(DeliveryFilter, filter);
  let query = db
    .selectFrom('notifications')
    .innerJoin('subscribers', 'subscribers.id', 'notifications.subscriber_id')
    .innerJoin('notification_events', 'notification_events.id', 'notifications.event_id')
    .select([
      'notifications.id',
      'notifications.channel',
      'notifications.state',
      'notifications.attempts',
      'notifications.available_at',
      'notifications.last_error',
      'notifications.created_at',
      'notifications.delivered_at',
      'notification_events.type',
      'subscribers.email',
      'subscribers.url',
      'subscribers.kind',
    ]);
  if (f.state) query = query.where('notifications.state', '=', f.state);
  const rows = await query.orderBy('notifications.created_at', 'desc').limit(limit).execute();
  const ids = rows.map((r) => r.id);
  const attempts = ids.length
    ? await db.selectFrom('delivery_attempts').selectAll().where('notification_id', 'in', ids).orderBy('id').execute()
    : [];
  return rows.map((r) => ({
    ...r,
    target: r.channel === 'email' ? r.email : r.url,
    attempts: attempts.filter((a) => a.notification_id === r.id),
    attemptCount: r.attempts,
  }));
}

/** How far behind the outbox is: rows waiting and the age of the oldest due one. */
export async function getOutboxBacklog(db: DbOrTx, now: Date): Promise<{ queued: number; dead: number; oldestDueAt: string | null; oldestAgeSeconds: number | null }> {
  const at = now.toISOString();
  const queued = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', QUEUED).executeTakeFirst();
  const dead = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'dead').executeTakeFirst();
  const oldest = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.min('created_at').as('oldest'))
    .where('state', '=', QUEUED)
    .where('available_at', '<=', at)
    .executeTakeFirst();
  const oldestDueAt = (oldest?.oldest as string | null | undefined) ?? null;
  return {
    queued: Number(queued?.n ?? 0),
    dead: Number(dead?.n ?? 0),
    oldestDueAt,
    oldestAgeSeconds: oldestDueAt ? Math.max(0, Math.round((now.getTime() - Date.parse(oldestDueAt)) / 1000)) : null,
  };
}

/** Puts a dead alert back in the queue for one more attempt now (operator action, audited). */
export async function retryNotification({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<void> {
  authorize(ctx, 'delivery.retry');
  const id = parseInput(Id, input.id);
  const now = ctx.now().toISOString();
  await withTransaction(ctx.db, async (trx) => {
    const row = await trx.selectFrom('notifications').select(['id', 'state']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('Delivery', id);
    if (row.state !== 'dead') throw new ConflictError(`Only dead deliveries can be retried (this one is ${row.state})`);
    await trx
      .updateTable('notifications')
      .set({ state: 'queued', available_at: now, lease_owner: null, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, { action: 'delivery.retry', entityType: 'notification', entityId: id });
    afterCommit(trx, wakeWorkers);
  });
}

/** The dev mailbox, newest first; one message in full when `id` is given. */
export async function listDevMail(db: DbOrTx, limit = 100) {
  return db.selectFrom('dev_mailbox').select(['id', 'to', 'subject', 'created_at']).orderBy('created_at', 'desc').limit(limit).execute();
}

/** One dev-mailbox message in full. */
export async function getDevMail(db: DbOrTx, id: string) {
  return db.selectFrom('dev_mailbox').selectAll().where('id', '=', id).executeTakeFirst();
}
