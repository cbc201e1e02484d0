import { CACHE_POLICY } from '@/lib/snapshot/cache-policy';
import { snapshotCsp } from '@/lib/snapshot/csp';
import { represent, type Representation } from '@/lib/snapshot/representation';

/** What Next answered for a page rendered as an anonymous visitor gets it. */
export interface RenderedPage {
  status: number;
  body: string;
}

export interface PageCacheOptions {
  render: (key: string) => Promise<RenderedPage>;
  /** Pages kept; the least recently used go first. */
  maxEntries?: number;
  /** A generation lasts at most this long even without changes ("12 minutes ago" moves on). */
  maxAgeMs?: number;
  now?: () => number;
}

interface Entry {
  generation: number;
  /** Set once the render is done. */
  rep: Representation | null;
  pending: Promise<Representation | null> | null;
}

/** The page's language as its <html lang> says, for the Content-Language header. */
function contentLanguage(body: string): Record<string, string> {
  const lang = /^<!DOCTYPE html><html lang="([a-zA-Z-]{2,12})"/.exec(body)?.[1];
  return lang ? { 'content-language': lang } : {};
}

/** A rendered HTML page as the snapshot layer serves it: hash-based CSP, cacheable, precompressed. */
export function htmlRepresentation(rendered: RenderedPage, builtAt?: string): Representation {
  return represent(
    rendered.body,
    {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': CACHE_POLICY.html,
      'content-security-policy': snapshotCsp(rendered.body),
      ...contentLanguage(rendered.body),
    },
    { builtAt, status: rendered.status },
  );
}

/**
 * The parameterised public pages (incident pages, history pages, /subscribe, /api), each rendered
 * by Next at most once per change, on the first request for it (the others wait for that
 * render), then served from memory. `invalidate()` starts a new generation (settings and the
 * like); `invalidate(keys)` drops only the pages a change touched.
 * When a render fails (the database is down), the last good copy is served.
 */
export class PageCache {
  private generation = 0;
  private startedAt: number;
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  /** Renders started, for tests and /api/health. */
  renders = 0;

  constructor(private readonly opts: PageCacheOptions) {
    this.maxEntries = opts.maxEntries ?? 500;
    this.maxAgeMs = opts.maxAgeMs ?? 60_000;
    this.now = opts.now ?? Date.now;
    this.startedAt = this.now();
  }

  /**
   * The pages named (keys, or a test on each key; every page when none is given) are rendered
   * again on their next request; the others stay as they are. A render of a dropped page already
   * under way may hold the data from before the change, so it is not kept either.
   */
  invalidate(which?: Iterable<string> | ((key: string) => boolean)): void {
    if (which === undefined) {
      this.generation++;
      this.startedAt = this.now();
      return;
    }
    const drops = typeof which === 'function' ? which : ((keys) => (key: string) => keys.has(key))(new Set(which));
    for (const [key, entry] of this.entries) if (drops(key)) entry.generation = -1;
  }

  /**
   * The page for a key: the representation itself when it is current (no promise on the hot
   * path), else the render every caller of this generation shares; null when it cannot be
   * served (the render failed with nothing to fall back on: Next answers instead).
   */
  get(key: string): Representation | Promise<Representation | null> | null {
    if (this.now() - this.startedAt > this.maxAgeMs) this.invalidate();
    const entry = this.entries.get(key);
    if (entry && entry.generation === this.generation) {
      if (entry.rep && !entry.pending) return entry.rep;
      if (entry.pending) return entry.pending;
    }
    return this.renderShared(key, entry);
  }

  private renderShared(key: string, previous: Entry | undefined): Promise<Representation | null> {
    const lastGood = previous?.rep ?? null;
    const entry: Entry = { generation: this.generation, rep: lastGood, pending: null };
    this.renders++;
    entry.pending = (async () => {
      try {
        const rendered = await this.opts.render(key);
        if (rendered.status === 200 || rendered.status === 404) return (entry.rep = htmlRepresentation(rendered));
      } catch {
        // below
      }
      // Failed: rendered again on the next request; the last good copy meanwhile.
      entry.generation = -1;
      return lastGood;
    })().finally(() => {
      entry.pending = null;
    });
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry.pending;
  }

  /** How many pages are held, for /api/health. */
  size(): number {
    return this.entries.size;
  }
}
