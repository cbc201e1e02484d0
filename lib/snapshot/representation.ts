import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** One response body, ready to serve: its bytes, their compressed variants and a strong ETag. */
export interface Representation {
  body: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  /** Strong ETag of the identity bytes; the compressed variants add -gz / -br. */
  etag: string;
  headers: Record<string, string>;
  builtAt: string;
  /** The HTTP status it is served with: 200, or 404 for a snapshot's "nothing here". */
  status: number;
}

const COMPRESS_MIN_BYTES = 512;
/** Brotli's top quality costs seconds per megabyte on the event loop; large pages get 9 (~4 % larger). */
const BROTLI_MAX_QUALITY_BYTES = 16 * 1024;

/**
 * Compressed variants by body hash: a rebuild after one change recompresses only the documents
 * that changed (at gzip 9 / brotli 11 a whole set costs hundreds of milliseconds).
 */
const compressed = new Map<string, { gzip: Buffer; br: Buffer }>();
const COMPRESSED_KEPT = 4_000;

function compressOnce(hash: string, bytes: Buffer): { gzip: Buffer; br: Buffer } {
  let found = compressed.get(hash);
  if (found) {
    compressed.delete(hash);
  } else {
    found = {
      gzip: gzipSync(bytes, { level: 9 }),
      br: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: bytes.length > BROTLI_MAX_QUALITY_BYTES ? 9 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }),
    };
  }
  compressed.set(hash, found);
  if (compressed.size > COMPRESSED_KEPT) compressed.delete(compressed.keys().next().value!);
  return found;
}

/** Builds a representation, precompressing once so that no request pays for it. */
export function represent(
  body: string | Buffer,
  headers: Record<string, string>,
  opts: { compress?: boolean; builtAt?: string; status?: number } = {},
): Representation {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 27);
  const compress = (opts.compress ?? true) && bytes.length >= COMPRESS_MIN_BYTES;
  const variants = compress ? compressOnce(hash, bytes) : null;
  return {
    body: bytes,
    gzip: variants?.gzip ?? null,
    br: variants?.br ?? null,
    etag: `"${hash}"`,
    headers,
    builtAt: opts.builtAt ?? new Date().toISOString(),
    status: opts.status ?? 200,
  };
}

/** Whether an If-None-Match header names this representation (any of its encodings). */
export function matchesEtag(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const base = etag.slice(1, -1);
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, '').replace(/^"|"$/g, ''))
    .some((t) => t === base || t === `${base}-gz` || t === `${base}-br`);
}

/** Picks the encoding to send for an Accept-Encoding header: brotli, then gzip, then identity. */
export function pickEncoding(rep: Representation, acceptEncoding: string | null | undefined): 'br' | 'gzip' | null {
  const accept = (acceptEncoding ?? '').toLowerCase();
  if (rep.br && /\bbr\b/.test(accept)) return 'br';
  if (rep.gzip && /\bgzip\b/.test(accept)) return 'gzip';
  return null;
}

/** The ETag header for a chosen encoding. */
export function etagFor(rep: Representation, encoding: 'br' | 'gzip' | null): string {
  return encoding ? `${rep.etag.slice(0, -1)}-${encoding === 'gzip' ? 'gz' : 'br'}"` : rep.etag;
}
