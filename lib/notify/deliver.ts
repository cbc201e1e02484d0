import type { NotificationRow, SubscriberRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';
import type { AlertSnapshot } from '@/lib/notify/alert-snapshot';
import { mailFrom, mailHost, sendEmail } from '@/lib/notify/email';
import { renderAlertEmail, renderSubscriptionEmail } from '@/lib/notify/email-render';
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
  return subscriber.state === 'active';
}

/** The webhook-id of an alert: stable across its retries. */
export function webhookMessageId(notificationId: string): string {
  return `msg_${notificationId}`;
}

/** Delivers one outbox row by email or webhook; never throws. */
export async function deliver(
  db: DbOrTx,
  row: NotificationRow,
  subscriber: SubscriberRow,
  snapshot: AlertSnapshot,
  now: Date,
): Promise<DeliveryResult> {
  try {
    if (row.channel === 'webhook') {
      return await postWebhook({
        url: subscriber.url ?? '',
        secret: subscriber.secret ?? '',
        msgId: webhookMessageId(row.id),
        body: webhookBody(snapshot, subscriber.id, now),
        now,
      });
    }
    const host = mailHost();
    const args = { snapshot, subscriberId: subscriber.id, notificationId: row.id, host };
    const rendered = snapshot.incident ? renderAlertEmail(args) : renderSubscriptionEmail(args);
    const sent = await sendEmail(db, { ...rendered, to: subscriber.email ?? '', from: mailFrom(snapshot.page.name) }, now);
    return { ok: true, statusCode: null, response: sent.response, error: null };
  } catch (error) {
    const e = error as Error & { responseCode?: number; response?: string };
    return { ok: false, statusCode: e.responseCode ?? null, response: e.response ?? null, error: e.message };
  }
}
