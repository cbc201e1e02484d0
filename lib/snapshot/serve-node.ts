import type { IncomingMessage, ServerResponse } from 'node:http';
import { etagFor, matchesEtag, pickEncoding, type Representation } from '@/lib/snapshot/representation';

/** Writes a representation to a node:http response: 304 on a matching ETag, else the best encoding. */
export function serveRepresentation(req: IncomingMessage, res: ServerResponse, rep: Representation, extra: Record<string, string> = {}): void {
  const encoding = pickEncoding(rep, req.headers['accept-encoding']);
  const etag = etagFor(rep, encoding);
  const headers: Record<string, string | number> = { ...rep.headers, ...extra, etag, vary: 'Accept-Encoding' };
  if (matchesEtag(req.headers['if-none-match'], rep.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = encoding === 'br' ? rep.br! : encoding === 'gzip' ? rep.gzip! : rep.body;
  if (encoding) headers['content-encoding'] = encoding;
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
