import http from 'node:http';
import https from 'node:https';
import { Webhook } from 'standardwebhooks';
import { assertPublicHost, guardedLookup } from '@/lib/notify/ssrf';

/** How long an endpoint has to answer. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** What an endpoint answered: any 2xx is success; redirects are failures and are not followed. */
export interface WebhookResult {
  ok: boolean;
  statusCode: number | null;
  response: string | null;
  error: string | null;
}

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
  const target = new URL(input.url);
  try {
    await assertPublicHost(target.hostname);
  } catch (error) {
    return { ok: false, statusCode: null, response: null, error: (error as Error).message };
  }
  const signature = new Webhook(input.secret).sign(input.msgId, input.now, input.body);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Beacon-Webhooks/1.0',
    'webhook-id': input.msgId,
    'webhook-timestamp': String(Math.floor(input.now.getTime() / 1000)),
    'webhook-signature': signature,
    'content-length': String(Buffer.byteLength(input.body)),
  };
  const client = target.protocol === 'https:' ? https : http;
  const timeoutMs = input.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return new Promise<WebhookResult>((resolve) => {
    let settled = false;
    const finish = (r: WebhookResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = client.request(target, { method: 'POST', headers, lookup: guardedLookup, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < 2048) chunks.push(c);
        size += c.length;
      });
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        const response = Buffer.concat(chunks).toString('utf8').slice(0, 500);
        finish({ ok, statusCode: status, response, error: ok ? null : `HTTP ${status}` });
      });
      res.on('error', (e) => finish({ ok: false, statusCode: res.statusCode ?? null, response: null, error: e.message }));
    });
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    req.on('error', (e) => finish({ ok: false, statusCode: null, response: null, error: e.message }));
    req.end(input.body);
  });
}
