import { z } from 'zod';
import { withTransaction } from '@/lib/db/transaction';
import type { SubscriberRow } from '@/lib/db/schema';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { parseInput, ValidationError } from '@/lib/services/errors';
import { subscribe } from '@/lib/services/subscribe';
import { ComponentIds, Email, WebhookUrl } from '@/lib/services/subscription-schemas';

export const AddSubscriberInput = z.object({
  email: Email.optional(),
  /** A webhook endpoint; `email` then is where failures are reported. */
  endpoint: WebhookUrl.optional(),
  componentIds: ComponentIds.optional(),
});
export type AddSubscriberInput = z.input<typeof AddSubscriberInput>;

/**
 * Adds a subscriber on an operator's behalf (management API). It goes through the same
 * subscribe flow as the public form: email confirms by double opt-in, a webhook by answering
 * the signed verify ping. Returns the row and, for a webhook, its signing secret (shown once).
 */
export async function addSubscriber({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AddSubscriberInput;
}): Promise<{ subscriber: SubscriberRow; secret: string | null }> {
  authorize(ctx, 'subscriber.add');
  const data = parseInput(AddSubscriberInput, input);
  if (!data.endpoint && !data.email) {
    throw new ValidationError('An email or an endpoint is required', { email: 'is required without an endpoint' });
  }
  return withTransaction(ctx.db, async (trx) => {
    const common = { component_ids: data.componentIds };
    const result = data.endpoint
      ? await subscribe({ ctx: { ...ctx, db: trx }, input: { type: 'webhook', url: data.endpoint, email: data.email, ...common } })
      : await subscribe({ ctx: { ...ctx, db: trx }, input: { type: 'email', email: data.email!, ...common } });
    const query = trx.selectFrom('subscribers').selectAll();
    const subscriber =
      result.type === 'webhook'
        ? await query.where('id', '=', result.id).executeTakeFirstOrThrow()
        : await query.where('kind', '=', 'email').where('email', '=', data.email!).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'subscriber.create',
      entityType: 'subscriber',
      entityId: subscriber.id,
      after: { kind: subscriber.kind, email: subscriber.email, url: subscriber.url, components: data.componentIds ?? 'all' },
    });
    return { subscriber, secret: result.type === 'webhook' ? result.secret : null };
  });
}
