import { withTransaction } from '@/lib/db/transaction';
import { publicUrl } from '@/lib/env';
import { subscriberLinks } from '@/lib/notify/links';
import type { ServiceContext } from '@/lib/services/context';
import { NotFoundError, ServiceError, parseInput } from '@/lib/services/errors';
import { Token } from '@/lib/services/subscription-schemas';
import { hashToken } from '@/lib/services/subscription-tokens';

/** A pending email subscription behind a confirmation token, as its confirm page shows it. */
export interface PendingConfirmation {
  email: string;
}

async function pendingByToken(ctx: ServiceContext, token: string) {
  const confirmToken = parseInput(Token, token);
  const sub = await ctx.db.selectFrom('subscribers').selectAll().where('confirm_token', '=', hashToken(confirmToken)).executeTakeFirst();
  if (!sub) throw new NotFoundError('Confirmation link', 'given');
  if (sub.confirm_expires_at && sub.confirm_expires_at < ctx.now().toISOString()) {
    throw new ServiceError('expired', 'This confirmation link has expired; subscribe again to get a new one', 410);
  }
  return sub;
}

/** Reads what a confirmation link would confirm, changing nothing (the GET of the confirm page). */
export async function getPendingConfirmation({ ctx, input }: { ctx: ServiceContext; input: { token: string } }): Promise<PendingConfirmation> {
  const sub = await pendingByToken(ctx, input.token);
  return { email: sub.email ?? '' };
}

/** Activates an email subscription from its confirm page's button; returns the manage link. */
export async function confirmSubscription({ ctx, input }: { ctx: ServiceContext; input: { token: string } }): Promise<{ manageUrl: string; email: string }> {
  return withTransaction(ctx.db, async (trx) => {
    const sub = await pendingByToken({ ...ctx, db: trx }, input.token);
    const now = ctx.now().toISOString();
    await trx
      .updateTable('subscribers')
      .set({ state: 'active', confirmed_at: now, confirm_token: null, confirm_expires_at: null, updated_at: now })
      .where('id', '=', sub.id)
      .execute();
    return { manageUrl: subscriberLinks(publicUrl(), sub.id).manage, email: sub.email ?? '' };
  });
}
