import http from 'node:http';
import https from 'node:https';
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

/**
 * POSTs a body to a subscriber's endpoint (webhooks and chat channels alike): public targets only
 * (checked before and at connect time), 2xx is success, redirects are failures and are not
 * followed, `timeoutMs` to answer, at most 500 characters of the answer kept; never throws.
 */
export async function guardedPost(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<WebhookResult> {
  let target: URL;
  try {
    target = new URL(url);
    await assertPublicHost(target.hostname);
  } catch (error) {
    return { ok: false, statusCode: null, response: null, error: (error as Error).message };
  }
  const client = target.protocol === 'https:' ? https : http;
  const allHeaders = { ...headers, 'content-length': String(Buffer.byteLength(body)) };
  return new Promise<WebhookResult>((resolve) => {
    let settled = false;
    const finish = (r: WebhookResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = client.request(target, { method: 'POST', headers: allHeaders, lookup: guardedLookup, agent: false }, (res) => {
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
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    req.on('error', (e) => finish({ ok: false, statusCode: null, response: null, error: e.message }));
    req.end(body);
  });
}
