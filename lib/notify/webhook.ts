import { Webhook } from 'standardwebhooks';
import { guardedPost, WEBHOOK_TIMEOUT_MS, type WebhookResult } from '@/lib/notify/guarded-post';

export { WEBHOOK_TIMEOUT_MS, type WebhookResult } from '@/lib/notify/guarded-post';

/** A fresh `whsec_` signing secret for a webhook subscriber. */
export function newWebhookSecret(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return `whsec_${Buffer.from(bytes).toString('base64')}`;
}

/**
 * POSTs a signed JSON body with Standard Webhooks headers. `msgId` stays the same across
 * retries of one alert so receivers can drop duplicates.
 */
export async function postWebhook(input: {
  url: string;
  secret: string;
  msgId: string;
  body: string;
  now: Date;
  timeoutMs?: number;
}): Promise<WebhookResult> {
  const signature = new Webhook(input.secret).sign(input.msgId, input.now, input.body);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Beacon-Webhooks/1.0',
    'webhook-id': input.msgId,
    'webhook-timestamp': String(Math.floor(input.now.getTime() / 1000)),
    'webhook-signature': signature,
  };
  return guardedPost(input.url, input.body, headers, input.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
}
