import { represent, type Representation } from '@/lib/snapshot/representation';

/** What a render of an RSC request answered. */
export interface RenderedRsc {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The request headers Next varies its RSC answers on (its own `Vary`), plus `next-url`. */
export const RSC_KEY_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url'] as const;

/** Public pages whose RSC payload is the same for every visitor: no cookies, no per-user content. */
const SHARED_RSC_PATH = /^\/(?:|history|subscribe|incidents\/[a-z0-9]{1,64})$/;

/** Response headers of Next's RSC answer worth repeating. */
const KEPT_HEADERS = ['content-type', 'cache-control', 'vary'];

export interface RscCacheOptions {
  render: (url: string, headers: Record<string, string>) => Promise<RenderedRsc>;
  /** Entries kept per generation; past this, requests render on their own (bounds what odd keys cost). */
  maxEntries?: number;
  /** A generation lasts at most this long even without changes ("12 minutes ago" moves on). */
  maxAgeMs?: number;
  now?: () => number;
  /** Told how each request went: shared (hit), rendered for everyone (render), or left to Next (pass). */
  onOutcome?: (outcome: 'hit' | 'render' | 'pass') => void;
}

/**
 * One render per distinct RSC request per change. Every open page refreshes itself when the
 * live stream announces a change (the page and the links it prefetches): without this, each of
 * ten thousand open browsers would cost three full renders per update, on the worst day. The
 * first request renders; the others wait for it and get the same bytes, precompressed.
 * `invalidate()` starts a new generation (on every live event). When a render fails (the database
 * is down), the last good answer for the same request is served instead.
 */
export class RscCache {
  private generation = new Map<string, Promise<Representation | null>>();
  private startedAt: number;
  private readonly lastGood = new Map<string, Representation>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(private readonly opts: RscCacheOptions) {
    this.maxEntries = opts.maxEntries ?? 200;
    this.maxAgeMs = opts.maxAgeMs ?? 60_000;
    this.now = opts.now ?? Date.now;
    this.startedAt = this.now();
  }

  /** Whether this request's answer can be shared between visitors. */
  static accepts(method: string, pathname: string, headers: Record<string, string | string[] | undefined>): boolean {
    return method === 'GET' && headers.rsc === '1' && SHARED_RSC_PATH.test(pathname);
  }

  /** Forgets every answer of the current generation (the last good ones stay for failures). */
  invalidate(): void {
    this.generation = new Map();
    this.startedAt = this.now();
  }

  /**
   * The shared answer for an RSC request, or null when it must be rendered on its own (not a
   * 200, or too many distinct requests in this generation).
   */
  async get(url: string, headers: Record<string, string | string[] | undefined>): Promise<Representation | null> {
    if (this.now() - this.startedAt > this.maxAgeMs) this.invalidate();
    const keyHeaders: Record<string, string> = {};
    for (const name of RSC_KEY_HEADERS) {
      const value = headers[name];
      if (typeof value === 'string') keyHeaders[name] = value;
    }
    const key = `${url}\n${RSC_KEY_HEADERS.map((h) => keyHeaders[h] ?? '').join('\n')}`;
    let entry = this.generation.get(key);
    let outcome: 'hit' | 'render' = 'hit';
    if (!entry) {
      if (this.generation.size >= this.maxEntries) {
        this.opts.onOutcome?.('pass');
        return null;
      }
      const generation = this.generation;
      entry = this.renderShared(key, url, keyHeaders, () => generation.delete(key));
      generation.set(key, entry);
      outcome = 'render';
    }
    const rep = await entry;
    this.opts.onOutcome?.(rep ? outcome : 'pass');
    return rep;
  }

  private async renderShared(key: string, url: string, headers: Record<string, string>, retryLater: () => void): Promise<Representation | null> {
    const failed = () => {
      retryLater();
      return this.lastGood.get(key) ?? null;
    };
    try {
      const answer = await this.opts.render(url, headers);
      if (answer.status >= 500) return failed();
      if (answer.status !== 200) return null;
      const kept: Record<string, string> = {};
      for (const name of KEPT_HEADERS) if (answer.headers[name]) kept[name] = answer.headers[name];
      // serveRepresentation adds Accept-Encoding to Vary itself.
      if (kept.vary) kept.vary = kept.vary.split(',').map((v) => v.trim()).filter((v) => v && v.toLowerCase() !== 'accept-encoding').join(', ');
      const rep = represent(answer.body, kept);
      this.lastGood.delete(key);
      this.lastGood.set(key, rep);
      if (this.lastGood.size > this.maxEntries) this.lastGood.delete(this.lastGood.keys().next().value!);
      return rep;
    } catch {
      return failed();
    }
  }
}
