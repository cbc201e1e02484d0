import { z } from 'zod';
import type { SubscriberRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';
import { endSubscription } from '@/lib/services/unsubscribe';

export const RemoveSubscriberInput = z.object({ id: Id });
export type RemoveSubscriberInput = z.input<typeof RemoveSubscriberInput>;

/**
 * Unsubscribes a subscriber on an operator's behalf, as its own unsubscribe link would (the
 * management API's DELETE); the row and its history stay. Returns it as it was. The console's
 * "Remove", which forgets the subscriber, is `deleteSubscriber`.
 */
export async function removeSubscriber({ ctx, input }: { ctx: ServiceContext; input: RemoveSubscriberInput }): Promise<SubscriberRow> {
  authorize(ctx, 'subscriber.remove');
  const { id } = parseInput(RemoveSubscriberInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const before = await trx.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before || before.state === 'unsubscribed') throw new NotFoundError('Subscriber', id);
    await endSubscription(trx, before, ctx.now());
    await recordAudit(trx, ctx, {
      action: 'subscriber.unsubscribe',
      entityType: 'subscriber',
      entityId: id,
      before: { kind: before.kind, email: before.email, url: before.url, state: before.state },
    });
    return before;
  });
}
