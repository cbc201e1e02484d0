/**
 * The custom server's gate in front of Next.js: body size limits for every route, and
 * server-action requests checked before Next decodes them (see action-body.ts for why).
 */
import { IncomingMessage, type ServerResponse } from 'node:http';
import { checkActionHeaders, checkMultipartAction, checkTextAction, isActionRequest } from '@/lib/http/action-body';
import { bodyLimitFor, checkBodyHeaders, checkRequestPath, normalizedPathname, tooLargeMessage, type Refusal } from '@/lib/http/body-limit';
import { checkRouterState } from '@/lib/http/router-state';
import { errorBody } from '@/lib/services/errors';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Answers `{ error: { code, message } }` with the refusal's status. */
export function sendRefusal(res: ServerResponse, refusal: Refusal): void {
  const body = JSON.stringify(errorBody(refusal.code, refusal.message, refusal.fields));
  res.writeHead(refusal.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...refusal.headers,
  });
  res.end(body);
}

/** The checks that need only the request line and headers; true when the request was refused (and answered). */
export function refuseRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const method = req.method ?? 'GET';
  const refusal =
    checkRequestPath(req.url ?? '/') ??
    checkBodyHeaders(method, req.url ?? '/', {
      'content-length': req.headers['content-length'],
      'transfer-encoding': req.headers['transfer-encoding'],
      'content-type': first(req.headers['content-type']),
    }) ??
    checkRouterState(req.headers) ??
    (isActionRequest(method, req.headers, normalizedPathname(req.url ?? '/')) ? checkActionHeaders(method, req.headers) : undefined);
  if (!refusal) return false;
  sendRefusal(res, refusal);
  return true;
}

/** Whether `checkedActionRequest` must see this request's body before Next does. */
export function needsBodyCheck(req: IncomingMessage): boolean {
  return isActionRequest(req.method ?? 'GET', req.headers, normalizedPathname(req.url ?? '/'));
}

/** The whole body, or undefined past `limit` (the rest is read and dropped, so the answer still arrives). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.once('end', () => resolve(size <= limit ? Buffer.concat(chunks) : undefined));
    req.once('error', reject);
  });
}

/** A request Next can read like the original, its body served from memory. */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}

/**
 * Reads a server-action body (bounded by the route's limit), refuses one Next could not decode,
 * and returns a request carrying the same body for Next; undefined when it answered itself.
 */
export async function checkedActionRequest(req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | undefined> {
  try {
    return await checkActionBody(req, res);
  } catch (error) {
    // A fault of ours, not of the request: say so rather than take the server down.
    console.error('[beacon] checking a server-action body failed', error);
    if (!res.headersSent) sendRefusal(res, { status: 500, code: 'internal', message: 'Something went wrong on our side' });
    return undefined;
  }
}

async function checkActionBody(req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | undefined> {
  const limit = bodyLimitFor(normalizedPathname(req.url ?? '/'));
  let body: Buffer | undefined;
  try {
    body = await readBody(req, limit);
  } catch {
    // The client went away mid-body; there is no one to answer.
    if (!res.headersSent) res.destroy();
    return undefined;
  }
  if (!body) {
    sendRefusal(res, { status: 413, code: 'payload_too_large', message: tooLargeMessage(limit) });
    return undefined;
  }
  const contentType = first(req.headers['content-type']) ?? '';
  const fetchAction = req.headers['next-action'] !== undefined;
  let refusal: Refusal | undefined;
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData().catch(() => undefined);
    refusal = form
      ? checkMultipartAction(form, fetchAction)
      : { status: 400, code: 'invalid_multipart', message: 'The multipart/form-data body could not be parsed' };
  } else if (fetchAction && contentType.toLowerCase().startsWith('text/plain')) {
    refusal = checkTextAction(body.toString('utf8'));
  }
  if (refusal) {
    sendRefusal(res, refusal);
    return undefined;
  }
  return replay(req, body);
}
