import { matchesEtag, type Representation } from '@/lib/snapshot/representation';

/**
 * A fetch Response for a route handler: 304 when the client already holds it, else the body
 * (Next compresses it on the way out, so the identity ETag is used).
 */
export function toWebResponse(request: Request, rep: Representation, status = 200): Response {
  const headers = { ...rep.headers, etag: rep.etag, vary: 'Accept-Encoding' };
  if (status === 200 && matchesEtag(request.headers.get('if-none-match'), rep.etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(rep.body), { status, headers });
}
