/**
 * How big a request body may be, per route, in bytes: the one place the limits are set. The
 * custom server checks them from the headers before any byte of the body is read (server
 * actions included); route handlers read bodies through `readBodyWithin`, which counts bytes
 * against the same limit.
 */

import { formatBytes } from '@/lib/domain/file-types';
import { getEnv } from '@/lib/env';

const KB = 1024;

/** A request refused before it reaches Next.js: the status and the JSON error it answers with. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
  fields?: Record<string, string>;
}

/** Longest prefix first; a prefix matches itself and anything below it (`/a` matches `/a/b`, not `/ab`). */
export const BODY_LIMITS: readonly { prefix: string; bytes: number }[] = [
  // The one-click unsubscribe body is `List-Unsubscribe=One-Click`.
  { prefix: '/api/subscriptions/unsubscribe', bytes: 4 * KB },
  { prefix: '/api/subscriptions', bytes: 16 * KB },
  // Alertmanager groups up to a few hundred alerts with labels and annotations per webhook.
  { prefix: '/api/integrations', bytes: 512 * KB },
  // The management API carries incident bodies and postmortems.
  { prefix: '/api/v1', bytes: 256 * KB },
  // Console server actions: a postmortem may be up to 100 000 characters of UTF-8. Equal to
  // Next's own server-action limit, so that limit (which answers 500) is never the one hit.
  { prefix: '/admin', bytes: 1024 * KB },
];

/** Everything else: public forms (subscribe, manage, unsubscribe) and bodies no route expects. */
export const DEFAULT_BODY_LIMIT = 32 * KB;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The pathname of a request target, with dot segments resolved as the router will see them. */
export function normalizedPathname(target: string): string {
  try {
    return new URL(target, 'http://localhost').pathname;
  } catch {
    return '/';
  }
}

/**
 * Refuses a path whose percent-encoding does not decode to UTF-8 (`%C0%AE`, `%FF`): Next
 * decodes route parameters with decodeURIComponent and answers 500 when that throws.
 */
export function checkRequestPath(target: string): Refusal | undefined {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  try {
    decodeURIComponent(path);
    return undefined;
  } catch {
    return { status: 400, code: 'invalid_path', message: 'The path is not valid percent-encoded UTF-8' };
  }
}

/** The console's incident file upload (issue #16 part 5), whose multipart bodies may carry a whole file. */
export const FILE_UPLOAD_PATH = /^\/admin\/incidents\/[a-z0-9]{1,64}\/files$/;
/** Room for the multipart framing and the form's other fields around the file. */
export const UPLOAD_OVERHEAD = 64 * KB;

/** Whether a request is a file upload: multipart, to the upload route (any other body there keeps the console's limit). */
function isFileUpload(pathname: string, contentType: string | undefined): boolean {
  return contentType !== undefined && /^multipart\/form-data/i.test(contentType.trim()) && FILE_UPLOAD_PATH.test(pathname);
}

/** The largest body, in bytes, a request to `pathname` may carry. */
export function bodyLimitFor(pathname: string, contentType?: string): number {
  if (isFileUpload(pathname, contentType)) return getEnv().BEACON_FILE_MAX_BYTES + UPLOAD_OVERHEAD;
  for (const { prefix, bytes } of BODY_LIMITS) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return bytes;
  }
  return DEFAULT_BODY_LIMIT;
}

const describe = (bytes: number) => (bytes % KB === 0 ? `${bytes / KB} KB` : `${bytes} bytes`);

/**
 * Refuses a body over the route's limit (413, from Content-Length) and a streamed write without
 * a length (411), so no handler ever buffers an unbounded body. Any method may carry a body;
 * the limits hold for all of them.
 */
export function checkBodyHeaders(method: string, target: string, headers: { 'content-length'?: string; 'transfer-encoding'?: string; 'content-type'?: string }): Refusal | undefined {
  const pathname = normalizedPathname(target);
  const limit = bodyLimitFor(pathname, headers['content-type']);
  const length = headers['content-length'];
  if (length !== undefined) {
    if (!/^\d+$/.test(length.trim())) return { status: 400, code: 'invalid_content_length', message: 'Content-Length must be a number of bytes' };
    if (Number(length) > limit && isFileUpload(pathname, headers['content-type'])) {
      const max = formatBytes(limit - UPLOAD_OVERHEAD);
      return { status: 413, code: 'payload_too_large', message: `The upload is ${formatBytes(Number(length))}; files may be at most ${max}`, fields: { file: `files may be at most ${max}` } };
    }
    if (Number(length) > limit) {
      return { status: 413, code: 'payload_too_large', message: `The request body is ${describe(Number(length))}; this route takes at most ${describe(limit)}` };
    }
    return undefined;
  }
  if (headers['transfer-encoding'] !== undefined && WRITES.has(method.toUpperCase())) {
    return { status: 411, code: 'length_required', message: `Send the body with a Content-Length (at most ${describe(limit)}), not chunked` };
  }
  return undefined;
}

/** What a 413 says once the body has been counted. */
export function tooLargeMessage(limit: number): string {
  return `The request body is larger than this route takes (at most ${describe(limit)})`;
}

/** A body read within its route's limit, or why it was not. */
export type BodyRead = { ok: true; text: string } | { ok: false; status: 413; message: string };

/**
 * Reads a request body as UTF-8 text, counting BYTES against the route's limit as they arrive
 * and stopping at the first byte over it, so no handler buffers more than its limit (the
 * server's header check refuses most such bodies earlier, from Content-Length).
 */
export async function readBodyWithin(request: Request, pathname: string, limit = bodyLimitFor(pathname)): Promise<BodyRead> {
  const tooLarge: BodyRead = { ok: false, status: 413, message: tooLargeMessage(limit) };
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) return tooLarge;
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      return tooLarge;
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
