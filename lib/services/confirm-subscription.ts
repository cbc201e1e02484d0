import { withTransaction } from '@/lib/db/transaction';
import type { ServiceContext } from '@/lib/services/context';
import { NotFoundError, ServiceError, parseInput } from '@/lib/services/errors';
import { Token } from '@/lib/services/subscription-schemas';

/** Activates an email subscription from its confirmation link; returns the manage token. */
export async function confirmSubscription({ ctx, input }: { ctx: ServiceContext; input: { token: string } }): Promise<{ token: string; email: string }> {
  const confirmToken = parseInput(Token, input.token);
  const now = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const sub = await trx.selectFrom('subscribers').selectAll().where('confirm_token', '=', confirmToken).executeTakeFirst();
    if (!sub) throw new NotFoundError('Confirmation link', 'given');
    if (sub.confirm_expires_at && sub.confirm_expires_at < now) {
      throw new ServiceError('expired', 'This confirmation link has expired; subscribe again to get a new one', 410);
    }
    await trx
      .updateTable('subscribers')
      .set({ state: 'active', confirmed_at: now, confirm_token: null, confirm_expires_at: null, updated_at: now })
      .where('id', '=', sub.id)
      .execute();
    return { token: sub.token, email: sub.email ?? '' };
  });
}
