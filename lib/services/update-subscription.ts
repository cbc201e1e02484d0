import { z } from 'zod';
import { withTransaction } from '@/lib/db/transaction';
import { assertComponentsExist } from '@/lib/services/component-changes';
import type { ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { setComponents } from '@/lib/services/subscribe';
import { ComponentIds, SubscriberLocale, SubscriptionEvents, TimeZone, Token } from '@/lib/services/subscription-schemas';
import { findSubscriberByLinkToken } from '@/lib/services/subscription-tokens';

export const UpdateSubscriptionInput = z.object({
  token: Token,
  /** Left out means every component, including ones added later; an empty list is refused. */
  component_ids: ComponentIds.optional(),
  events: SubscriptionEvents,
  maintenance: z.boolean(),
  /** Issue #15: left out keeps what the subscriber has. */
  locale: SubscriberLocale.optional(),
  time_zone: TimeZone.optional(),
});
export type UpdateSubscriptionInput = z.input<typeof UpdateSubscriptionInput>;

/** Changes what a subscriber hears about, from their manage link. */
export async function updateSubscription({ ctx, input }: { ctx: ServiceContext; input: UpdateSubscriptionInput }): Promise<void> {
  const data = parseInput(UpdateSubscriptionInput, input);
  const now = ctx.now().toISOString();
  await withTransaction(ctx.db, async (trx) => {
    const sub = await findSubscriberByLinkToken(trx, data.token);
    if (!sub) throw new NotFoundError('Subscription', 'for this link');
    const componentIds = data.component_ids ?? [];
    await assertComponentsExist(trx, componentIds, 'component_ids');
    await trx
      .updateTable('subscribers')
      .set({
        all_components: componentIds.length === 0,
        events: data.events,
        maintenance: data.maintenance,
        ...(data.locale ? { locale: data.locale } : {}),
        ...(data.time_zone ? { time_zone: data.time_zone } : {}),
        updated_at: now,
      })
      .where('id', '=', sub.id)
      .execute();
    await setComponents(trx, sub.id, componentIds);
  });
}
