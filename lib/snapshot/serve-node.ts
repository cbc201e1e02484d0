import type { IncomingMessage, ServerResponse } from 'node:http';
import { etagFor, matchesEtag, pickEncoding, type Representation } from '@/lib/snapshot/representation';

type Encoding = 'br' | 'gzip' | null;
type Wire = { headers: string[]; notModified: string[]; body: Buffer };

// Headers are flattened once per representation and encoding: at tens of thousands of requests
// a second, building header objects per request costs as much as sending the bytes.
const wires = new WeakMap<Representation, Map<Encoding, Wire>>();

function wireFor(rep: Representation, encoding: Encoding, extra: Record<string, string>): Wire {
  let byEncoding = wires.get(rep);
  if (!byEncoding) wires.set(rep, (byEncoding = new Map()));
  let wire = byEncoding.get(encoding);
  if (!wire) {
    const body = encoding === 'br' ? rep.br! : encoding === 'gzip' ? rep.gzip! : rep.body;
    const common = Object.entries({
      ...rep.headers,
      ...extra,
      etag: etagFor(rep, encoding),
      vary: rep.headers.vary ? `${rep.headers.vary}, Accept-Encoding` : 'Accept-Encoding',
      'x-beacon-snapshot': rep.builtAt,
    }).flat();
    wire = {
      body,
      notModified: common,
      headers: [...common, ...(encoding ? ['content-encoding', encoding] : []), 'content-length', String(body.length)],
    };
    byEncoding.set(encoding, wire);
  }
  return wire;
}

/**
 * Writes a representation to a node:http response: 304 on a matching ETag, else the best encoding.
 * `extra` must be the same object for the life of the process (it is baked into cached headers).
 */
export function serveRepresentation(
  req: IncomingMessage,
  res: ServerResponse,
  rep: Representation,
  extra: Record<string, string> = {},
): void {
  const wire = wireFor(rep, pickEncoding(rep, req.headers['accept-encoding']), extra);
  if (matchesEtag(req.headers['if-none-match'], rep.etag)) {
    res.writeHead(304, wire.notModified);
    res.end();
    return;
  }
  res.writeHead(200, wire.headers);
  res.end(req.method === 'HEAD' ? undefined : wire.body);
}
