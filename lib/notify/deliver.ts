import type { NotificationRow, SubscriberRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';
import type { AlertSnapshot } from '@/lib/notify/alert-snapshot';
import { mailFrom, mailHost, prepareAlertMail, sendAlertMail, sendEmail } from '@/lib/notify/email';
import { renderSubscriptionEmail, type Reader } from '@/lib/notify/email-render';
import { subscriberLocale } from '@/lib/notify/email-i18n';
import { postChat } from '@/lib/notify/chat/post-chat';
import { subscriberLinkLanguage } from '@/lib/notify/links';
import { postWebhook } from '@/lib/notify/webhook';
import { webhookBody } from '@/lib/notify/webhook-body';

/** What one attempt produced. */
export interface DeliveryResult {
  ok: boolean;
  statusCode: number | null;
  response: string | null;
  error: string | null;
}

/** Whether a queued row should still go out to this subscriber, given its state now. */
export function stillWanted(kind: AlertSnapshot['kind'], subscriber: SubscriberRow | undefined): boolean {
  if (!subscriber) return false;
  if (kind === 'subscription.confirm' || kind === 'subscription.verify') return subscriber.state === 'pending';
  if (kind === 'subscription.disabled') return subscriber.state === 'disabled';
  if (kind === 'subscription.unsubscribed') return subscriber.state === 'unsubscribed';
  return subscriber.state === 'active';
}

/** The webhook-id of an alert: stable across its retries. */
export function webhookMessageId(notificationId: string): string {
  return `msg_${notificationId}`;
}

const PREPARED_EVENTS = 200;

/**
 * Work every recipient of one event shares (a rendered, composed message), done once per event
 * and channel and kept for the event's next recipients. Bounded: the oldest events go first.
 */
export class PreparedEvents {
  private readonly entries = new Map<string, unknown>();

  /** The value `prepare` made for this event and purpose, made now if there is none yet. */
  get<T>(eventId: string, purpose: string, prepare: () => T): T {
    const key = `${purpose}:${eventId}`;
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = prepare();
    if (this.entries.size >= PREPARED_EVENTS) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }
}

/** One outbox row to deliver, with what its channel needs. */
export interface Delivery {
  db: DbOrTx;
  row: NotificationRow;
  subscriber: SubscriberRow;
  snapshot: AlertSnapshot;
  now: Date;
  prepared: PreparedEvents;
}

/** Sends one row over its channel; a channel adds itself to CHANNELS below. */
export type ChannelSender = (delivery: Delivery) => Promise<DeliveryResult>;

const email: ChannelSender = async ({ db, row, subscriber, snapshot, now, prepared }) => {
  const recipient = { email: subscriber.email ?? '', subscriberId: subscriber.id, notificationId: row.id };
  const reader = readerOf(subscriber, snapshot);
  // Composed once per (language, zone): most subscribers share a few of them.
  const purpose = `email:${reader.locale}:${reader.timeZone}`;
  const sent = snapshot.incident
    ? await sendAlertMail(db, prepared.get(row.event_id, purpose, () => prepareAlertMail(snapshot, reader)), recipient, now)
    : await sendEmail(
        db,
        {
          ...renderSubscriptionEmail({ snapshot, subscriberId: subscriber.id, notificationId: row.id, host: mailHost(), reader }),
          to: recipient.email,
          from: mailFrom(snapshot.page.name),
        },
        now,
      );
  return { ok: true, statusCode: null, response: sent.response, error: null };
};

/** The subscriber's language and zone; rows from before migration 018 read in the page's. */
function readerOf(subscriber: SubscriberRow, snapshot: AlertSnapshot): Required<Reader> {
  return { locale: subscriberLocale(subscriber.locale), timeZone: subscriber.time_zone ?? snapshot.page.time_zone ?? 'UTC' };
}

const webhook: ChannelSender = ({ row, subscriber, snapshot, now }) => {
  const language = subscriberLinkLanguage(subscriber.locale, snapshot.page.locale);
  // A chat channel is a webhook subscriber whose endpoint wants its platform's format.
  return subscriber.chat_platform
    ? postChat({
        platform: subscriber.chat_platform,
        url: subscriber.url ?? '',
        subscriberId: subscriber.id,
        snapshot,
        language,
        reader: readerOf(subscriber, snapshot),
      })
    : postWebhook({
        url: subscriber.url ?? '',
        secret: subscriber.secret ?? '',
        msgId: webhookMessageId(row.id),
        body: webhookBody(snapshot, subscriber.id, now, language),
        now,
      });
};

const CHANNELS: Record<NotificationRow['channel'], ChannelSender> = { email, webhook };

/** Delivers one outbox row over its channel; never throws. */
export async function deliver(delivery: Delivery): Promise<DeliveryResult> {
  try {
    const send = CHANNELS[delivery.row.channel];
    if (!send) return { ok: false, statusCode: null, response: null, error: `no sender for channel ${delivery.row.channel}` };
    return await send(delivery);
  } catch (error) {
    const e = error as Error & { responseCode?: number; response?: string };
    return { ok: false, statusCode: e.responseCode ?? null, response: e.response ?? null, error: e.message };
  }
}
