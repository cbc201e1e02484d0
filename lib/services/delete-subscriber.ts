import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

/**
 * Deletes a subscriber with its outbox rows and delivery history: the console's "Remove", for an
 * address that must be forgotten (operator action, audited). Not an unsubscribe: that keeps the
 * row and its history (`removeSubscriber`, the management API's DELETE, and the subscriber's links).
 */
export async function deleteSubscriber({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<void> {
  authorize(ctx, 'subscriber.remove');
  const id = parseInput(Id, input.id);
  await withTransaction(ctx.db, async (trx) => {
    const sub = await trx.selectFrom('subscribers').select(['id', 'kind', 'email', 'url', 'state']).where('id', '=', id).executeTakeFirst();
    if (!sub) throw new NotFoundError('Subscriber', id);
    await trx.deleteFrom('subscribers').where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'subscriber.remove', entityType: 'subscriber', entityId: id, before: sub });
  });
}
