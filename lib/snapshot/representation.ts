import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

/** One response body, ready to serve: its bytes, their compressed variants and a strong ETag. */
export interface Representation {
  body: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  /** How gzip and br were made: fast during a rebuild, best once refined (refineCompression). */
  compression: 'fast' | 'best' | null;
  /** Strong ETag of the identity bytes; the compressed variants add -gz / -br (-gzf / -brf while fast). */
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
 * Bodies up to this size get the best compression at once (a few milliseconds); larger ones are
 * compressed fast during the rebuild (gzip 6, brotli 5: ~30 ms instead of ~250 ms for a 650 KB
 * `/`, 3–5 % larger) and recompressed at the best levels off the event loop once rebuilds are quiet
 * (`refineCompression`), so a burst of changes never pays the best levels for states it replaces.
 */
const BEST_AT_ONCE_BYTES = 4 * 1024;

type Variants = { gzip: Buffer; br: Buffer; level: 'fast' | 'best' };

const brotliParams = (bytes: Buffer, level: Variants['level']) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: level === 'fast' ? 5 : bytes.length > BROTLI_MAX_QUALITY_BYTES ? 9 : 11,
    [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
  },
});

/**
 * Compressed variants by body hash: a rebuild after one change recompresses only the documents
 * that changed (at gzip 9 / brotli 11 a whole set costs hundreds of milliseconds).
 */
const compressed = new Map<string, Variants>();
const COMPRESSED_KEPT = 4_000;

function remember(hash: string, variants: Variants): void {
  compressed.delete(hash);
  compressed.set(hash, variants);
  if (compressed.size > COMPRESSED_KEPT) compressed.delete(compressed.keys().next().value!);
}

function compressOnce(hash: string, bytes: Buffer): Variants {
  let found = compressed.get(hash);
  if (!found) {
    const level = bytes.length <= BEST_AT_ONCE_BYTES ? 'best' : 'fast';
    found = { gzip: gzipSync(bytes, { level: level === 'fast' ? 6 : 9 }), br: brotliCompressSync(bytes, brotliParams(bytes, level)), level };
  }
  remember(hash, found);
  return found;
}

/** Fast-compressed representations still to be recompressed at the best levels (weakly held: a replaced one is simply dropped). */
const unrefined = new Set<WeakRef<Representation>>();

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
  const rep: Representation = {
    body: bytes,
    gzip: variants?.gzip ?? null,
    br: variants?.br ?? null,
    compression: variants?.level ?? null,
    etag: `"${hash}"`,
    headers,
    builtAt: opts.builtAt ?? new Date().toISOString(),
    status: opts.status ?? 200,
  };
  if (rep.compression === 'fast') {
    unrefined.add(new WeakRef(rep));
    // Where nothing refines (a route handler in Next's bundle), the oldest are let go.
    if (unrefined.size > COMPRESSED_KEPT) unrefined.delete(unrefined.values().next().value!);
  }
  return rep;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Recompresses the fast-compressed representations still in use at the best levels, one at a
 * time on the thread pool, and swaps the variants in (every holder of a representation sees
 * them; the ETags of the encodings change with their bytes). Stops early, leaving the rest for
 * the next call, when `stop()` says so (a rebuild is due). Resolves with how many it refined.
 */
export async function refineCompression(stop: () => boolean = () => false): Promise<number> {
  let done = 0;
  for (const ref of unrefined) {
    if (stop()) break;
    unrefined.delete(ref);
    const rep = ref.deref();
    if (!rep || rep.compression !== 'fast') continue;
    const [gz, br] = await Promise.all([gzipAsync(rep.body, { level: 9 }), brotliAsync(rep.body, brotliParams(rep.body, 'best'))]);
    rep.gzip = gz;
    rep.br = br;
    rep.compression = 'best';
    remember(rep.etag.slice(1, -1), { gzip: gz, br, level: 'best' });
    done++;
  }
  return done;
}

/** How many representations wait for `refineCompression` (for tests and /api/health). */
export function unrefinedCount(): number {
  let n = 0;
  for (const ref of unrefined) if (ref.deref()?.compression === 'fast') n++;
  return n;
}

/** Whether an If-None-Match header names this representation (any of its encodings). */
export function matchesEtag(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const base = etag.slice(1, -1);
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, '').replace(/^"|"$/g, ''))
    .some((t) => t === base || t === `${base}-gz` || t === `${base}-br` || t === `${base}-gzf` || t === `${base}-brf`);
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
  if (!encoding) return rep.etag;
  return `${rep.etag.slice(0, -1)}-${encoding === 'gzip' ? 'gz' : 'br'}${rep.compression === 'fast' ? 'f' : ''}"`;
}
