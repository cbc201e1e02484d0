import http from 'node:http';
import https from 'node:https';
import { assertPublicHost, guardedLookup } from '@/lib/notify/ssrf';

/** What a guarded GET got: the answer's status, the headers Beacon reads, and its text. */
export type GetResult =
  | { ok: true; statusCode: number; etag: string | null; lastModified: string | null; cacheControl: string | null; body: string }
  | { ok: false; error: string };

export interface GuardedGetOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Bytes of body read at most; a longer answer is refused, not truncated. */
  maxBytes: number;
}

/**
 * GETs a URL the way webhooks are POSTed (lib/notify/guarded-post.ts): public targets only,
 * checked before and at connect time; redirects are not followed; `timeoutMs` for the whole
 * answer; a body over `maxBytes` aborts the read. Never throws. A 304 comes back with an empty body.
 */
export async function guardedGet(url: string, options: GuardedGetOptions): Promise<GetResult> {
  let target: URL;
  try {
    target = new URL(url);
    if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Error('must be an http(s) address');
    await assertPublicHost(target.hostname);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<GetResult>((resolve) => {
    let settled = false;
    const finish = (r: GetResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const headers = { accept: 'application/json', 'user-agent': 'Beacon-Upstream/1.0', ...options.headers };
    const req = client.request(target, { method: 'GET', headers, lookup: guardedLookup, agent: false }, (res) => {
      const status = res.statusCode ?? 0;
      const header = (name: string) => {
        const v = res.headers[name];
        return typeof v === 'string' ? v.slice(0, 500) : null;
      };
      if (status >= 300 && status < 400 && status !== 304) {
        res.resume();
        return finish({ ok: false, error: `HTTP ${status} (redirects are not followed; give the final address)` });
      }
      if (status !== 304 && (status < 200 || status >= 300)) {
        res.resume();
        return finish({ ok: false, error: `HTTP ${status}` });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > options.maxBytes) {
          req.destroy();
          return finish({ ok: false, error: `the document is larger than ${Math.round(options.maxBytes / 1024)} KiB` });
        }
        chunks.push(c);
      });
      res.on('end', () =>
        finish({
          ok: true,
          statusCode: status,
          etag: header('etag'),
          lastModified: header('last-modified'),
          cacheControl: header('cache-control'),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', (e) => finish({ ok: false, error: e.message }));
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s`)), options.timeoutMs);
    req.on('error', (e) => finish({ ok: false, error: e.message }));
    req.end();
  });
}
