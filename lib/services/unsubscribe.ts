import { withTransaction } from '@/lib/db/transaction';
import type { ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Token } from '@/lib/services/subscription-schemas';

/** Ends a subscription from its manage/unsubscribe token; alerts still queued for it are dropped. Idempotent. */
export async function unsubscribe({ ctx, input }: { ctx: ServiceContext; input: { token: string } }): Promise<{ id: string }> {
  const token = parseInput(Token, input.token);
  const now = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const sub = await trx.selectFrom('subscribers').select(['id', 'state']).where('token', '=', token).executeTakeFirst();
    if (!sub) throw new NotFoundError('Subscription', 'for this link');
    if (sub.state !== 'unsubscribed') {
      await trx
        .updateTable('subscribers')
        .set({ state: 'unsubscribed', unsubscribed_at: now, confirm_token: null, updated_at: now })
        .where('id', '=', sub.id)
        .execute();
      await trx
        .updateTable('notifications')
        .set({ state: 'cancelled', last_error: 'unsubscribed', updated_at: now })
        .where('subscriber_id', '=', sub.id)
        .where('state', '=', 'queued')
        .where('lease_owner', 'is', null)
        .execute();
    }
    return { id: sub.id };
  });
}
