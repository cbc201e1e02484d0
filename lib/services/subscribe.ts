import { z } from 'zod';
import { CHAT_PLATFORMS, type ChatPlatform } from '@/lib/domain/chat/alert';
import { newId } from '@/lib/db/ids';
import { afterCommit, withTransaction, type DbOrTx } from '@/lib/db/transaction';
import { publicUrl } from '@/lib/env';
import { pageSnapshot } from '@/lib/notify/alert-snapshot';
import { confirmToken, subscriberLinkLanguage, subscriberLinkToken, subscriberLinks } from '@/lib/notify/links';
import { queueEvent } from '@/lib/notify/outbox';
import { assertPublicHost, BLOCKED_TARGET_MESSAGE } from '@/lib/notify/ssrf';
import { newWebhookSecret } from '@/lib/notify/webhook';
import { wakeWorkers } from '@/lib/notify/wake';
import { assertComponentsExist } from '@/lib/services/component-changes';
import type { ServiceContext } from '@/lib/services/context';
import { ValidationError, parseInput } from '@/lib/services/errors';
import { ComponentIds, Email, SubscriberLocale, SubscriptionEvents, TimeZone, WebhookUrl } from '@/lib/services/subscription-schemas';
import { CONFIRM_VALID_MS, hashToken, newConfirmNonce } from '@/lib/services/subscription-tokens';

const Common = {
  component_ids: ComponentIds.optional(),
  events: SubscriptionEvents.default('all'),
  maintenance: z.boolean().default(true),
  /** Issue #15: the language and zone of this subscriber's emails; left out = the page's. */
  locale: SubscriberLocale.optional(),
  time_zone: TimeZone.optional(),
};

export const SubscribeInput = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('email'), email: Email, ...Common }),
    z.object({ type: z.literal('webhook'), url: WebhookUrl, email: Email.optional(), ...Common }),
    // A chat channel: the incoming-webhook URL of a Slack, Teams, Discord, Google Chat or Mattermost channel.
    ...CHAT_PLATFORMS.map((platform) => z.object({ type: z.literal(platform), url: WebhookUrl, email: Email.optional(), ...Common })),
  ],
  { error: `must be "email", "webhook" or one of ${CHAT_PLATFORMS.map((p) => `"${p}"`).join(', ')}` },
);
export type SubscribeInput = z.input<typeof SubscribeInput>;

export type SubscribeResult =
  | { type: 'email' }
  | { type: 'webhook'; id: string; secret: string; manageUrl: string; state: 'pending' }
  | { type: 'chat'; platform: ChatPlatform; id: string; manageUrl: string; state: 'pending' };

/**
 * Subscribes an email address (double opt-in: a confirmation is sent, and re-sent while
 * pending) or a webhook (pending until its endpoint answers the signed verify ping with 2xx).
 * A chat channel is a webhook that gets a test message in its platform's format instead of the
 * ping, and is active once that message is accepted.
 * Email subscribing says nothing about whether the address was known. A signed-in member's
 * subscription belongs to them (issue #16 part 3): its alerts include what their audiences may see.
 */
export async function subscribe({
  ctx,
  input,
  memberId,
}: {
  ctx: ServiceContext;
  input: SubscribeInput;
  /** A signed-in member subscribing (never from the request body): alerts then follow what their audiences see. */
  memberId?: string;
}): Promise<SubscribeResult> {
  const data = parseInput(SubscribeInput, input);
  if (data.type !== 'email') {
    try {
      await assertPublicHost(new URL(data.url).hostname);
    } catch {
      // The same words whatever the cause: never what a name resolves to (no internal DNS oracle).
      throw new ValidationError(`Invalid input: url: ${BLOCKED_TARGET_MESSAGE}`, { url: BLOCKED_TARGET_MESSAGE });
    }
  }
  const now = ctx.now();
  const at = now.toISOString();
  const componentIds = data.component_ids ?? [];
  const prefs = {
    all_components: componentIds.length === 0,
    events: data.events,
    maintenance: data.maintenance,
    locale: data.locale ?? null,
    time_zone: data.time_zone ?? null,
    ...(memberId && { member_id: memberId }),
  };

  return withTransaction(ctx.db, async (trx) => {
    await assertComponentsExist(trx, componentIds, 'component_ids');
    afterCommit(trx, wakeWorkers);
    if (data.type === 'email') {
      const existing = await trx.selectFrom('subscribers').selectAll().where('kind', '=', 'email').where('email', '=', data.email).executeTakeFirst();
      if (existing?.state === 'active') return { type: 'email' };
      const id = existing?.id ?? newId();
      // The message carries only the nonce; the worker rebuilds the token from it with the server key.
      const confirmNonce = newConfirmNonce();
      const confirm = { confirm_token: hashToken(confirmToken(id, confirmNonce)), confirm_expires_at: new Date(now.getTime() + CONFIRM_VALID_MS).toISOString() };
      if (existing) {
        await trx
          .updateTable('subscribers')
          .set({ ...prefs, ...confirm, state: 'pending', unsubscribed_at: null, disabled_at: null, updated_at: at })
          .where('id', '=', id)
          .execute();
      } else {
        await trx
          .insertInto('subscribers')
          .values({ ...newSubscriberRow(id, 'email', at), ...prefs, ...confirm, email: data.email })
          .execute();
      }
      await setComponents(trx, id, componentIds);
      await queueEvent(
        trx,
        {
          key: `subscription.confirm:${id}:${confirm.confirm_token}`,
          incidentId: null,
          snapshot: { kind: 'subscription.confirm', generatedAt: at, baseUrl: publicUrl(), page: await pageSnapshot(trx, now), confirmNonce },
        },
        [{ id, channel: 'email' }],
        now,
      );
      return { type: 'email' };
    }

    const id = newId();
    const page = await pageSnapshot(trx, now);
    const chat = data.type === 'webhook' ? null : data.type;
    const secret = newWebhookSecret();
    // Chat platforms do not check signatures; a chat channel has no secret to show.
    const row = { ...newSubscriberRow(id, 'webhook', at), ...prefs, url: data.url, email: data.email ?? null, secret: chat ? null : secret, chat_platform: chat };
    await trx.insertInto('subscribers').values(row).execute();
    await setComponents(trx, id, componentIds);
    await queueEvent(
      trx,
      {
        key: `subscription.verify:${id}`,
        incidentId: null,
        snapshot: { kind: 'subscription.verify', generatedAt: at, baseUrl: publicUrl(), page },
      },
      [{ id, channel: 'webhook' }],
      now,
    );
    // In the language the subscriber chose, as every alert's links will be.
    const manageUrl = subscriberLinks(publicUrl(), id, subscriberLinkLanguage(data.locale, page.locale)).manage;
    if (chat) return { type: 'chat', platform: chat, id, manageUrl, state: 'pending' };
    return { type: 'webhook', id, secret, manageUrl, state: 'pending' };
  });
}

export function newSubscriberRow(id: string, kind: 'email' | 'webhook', at: string) {
  return {
    id,
    kind,
    email: null,
    url: null,
    state: 'pending' as const,
    all_components: true,
    events: 'all' as const,
    maintenance: true,
    // Only the hash of the derived link token: the row alone cannot open the links.
    token: hashToken(subscriberLinkToken(id)),
    secret: null,
    confirm_token: null,
    confirm_expires_at: null,
    confirmed_at: null,
    failing_since: null,
    disabled_at: null,
    unsubscribed_at: null,
    created_at: at,
    updated_at: at,
    locale: null,
    time_zone: null,
  };
}

/** Replaces the subscriber's chosen components (none = all components, including future ones; callers refuse an empty choice). */
export async function setComponents(db: DbOrTx, subscriberId: string, componentIds: readonly string[]): Promise<void> {
  await db.deleteFrom('subscriber_components').where('subscriber_id', '=', subscriberId).execute();
  if (componentIds.length === 0) return;
  await db
    .insertInto('subscriber_components')
    .values(componentIds.map((component_id) => ({ subscriber_id: subscriberId, component_id })))
    .execute();
}
