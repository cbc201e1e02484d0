import type { IncomingMessage, ServerResponse } from 'node:http';
import { shared } from '@/lib/runtime/bridge';
import { etagFor, matchesEtag, pickEncoding, type Representation } from '@/lib/snapshot/representation';

type Encoding = 'br' | 'gzip' | null;
interface Wire {
  headers: string[];
  notModified: string[];
  /** The same, ending with an `x-request-id` slot filled in just before each write. */
  headersWithId: string[];
  notModifiedWithId: string[];
  body: Buffer;
  /** The ETag this encoding is sent with: the usual If-None-Match, compared before parsing. */
  etag: string;
  kind: 'page' | 'document' | 'notFound';
}

/** Snapshot answers by kind, counted with plain integers (read by /api/metrics on scrape). */
export const snapshotHits = shared('snapshotHits', () => ({ page: 0, document: 0, notFound: 0, notModified: 0 }));

// Headers are flattened once per representation and encoding: at tens of thousands of requests
// a second, building header objects per request costs as much as sending the bytes.
const wires = new WeakMap<Representation, [Wire | undefined, Wire | undefined, Wire | undefined]>();
const SLOT = { identity: 0, gzip: 1, br: 2 } as const;

function wireFor(rep: Representation, encoding: Encoding, extra: Record<string, string>): Wire {
  let byEncoding = wires.get(rep);
  if (!byEncoding) wires.set(rep, (byEncoding = [undefined, undefined, undefined]));
  const slot = SLOT[encoding ?? 'identity'];
  let wire = byEncoding[slot];
  const body = encoding === 'br' ? rep.br! : encoding === 'gzip' ? rep.gzip! : rep.body;
  // A representation's compressed variants are swapped once refined (refineCompression).
  if (!wire || wire.body !== body) {
    const common = Object.entries({
      ...rep.headers,
      ...extra,
      etag: etagFor(rep, encoding),
      vary: rep.headers.vary ? `${rep.headers.vary}, Accept-Encoding` : 'Accept-Encoding',
      'x-beacon-snapshot': 'hit',
      'x-beacon-snapshot-built-at': rep.builtAt,
    }).flat();
    const headers = [...common, ...(encoding ? ['content-encoding', encoding] : []), 'content-length', String(body.length)];
    wire = {
      body,
      etag: etagFor(rep, encoding),
      notModified: common,
      headers,
      notModifiedWithId: [...common, 'x-request-id', ''],
      headersWithId: [...headers, 'x-request-id', ''],
      kind: rep.status !== 200 ? 'notFound' : rep.headers['content-type']?.startsWith('text/html') ? 'page' : 'document',
    };
    byEncoding[slot] = wire;
  }
  return wire;
}


/** The flat header list with the request id in its last slot (writeHead copies it at once). */
function withId(headers: string[], requestId: string): string[] {
  headers[headers.length - 1] = requestId;
  return headers;
}

/**
 * Writes a representation to a node:http response: 304 on a matching ETag, else the best
 * encoding, with the representation's status (200, or a snapshot 404). With `requestId`, the
 * response has no header set yet and the id is written with the precomputed ones (node's fast
 * path: no per-header merging). `extra` must be the same object for the life of the process
 * (it is baked into cached headers). Returns the status written.
 */
export function serveRepresentation(
  req: IncomingMessage,
  res: ServerResponse,
  rep: Representation,
  extra: Record<string, string> = {},
  requestId?: string,
): number {
  const wire = wireFor(rep, rep.gzip ? pickEncoding(rep, req.headers['accept-encoding']) : null, extra);
  const ifNoneMatch = req.headers['if-none-match'];
  if (rep.status === 200 && ifNoneMatch !== undefined && (ifNoneMatch === wire.etag || matchesEtag(ifNoneMatch, rep.etag))) {
    snapshotHits.notModified++;
    res.writeHead(304, requestId === undefined ? wire.notModified : withId(wire.notModifiedWithId, requestId));
    res.end();
    return 304;
  }
  snapshotHits[wire.kind]++;
  res.writeHead(rep.status, requestId === undefined ? wire.headers : withId(wire.headersWithId, requestId));
  res.end(req.method === 'HEAD' ? undefined : wire.body);
  return rep.status;
}
