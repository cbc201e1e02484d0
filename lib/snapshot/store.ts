import { peekShared, setShared } from '@/lib/runtime/bridge';
import type { PublicPageIndex } from '@/lib/services/get-public-page-index';
import { EVERYTHING, mergeScopes, type ChangeScope } from '@/lib/snapshot/change-scope';
import { snapshotCsp } from '@/lib/snapshot/csp';
import { loadSnapshot, saveSnapshot } from '@/lib/snapshot/disk';
import { htmlRepresentation, type RenderedPage } from '@/lib/snapshot/page-cache';
import { refineCompression, represent, type Representation } from '@/lib/snapshot/representation';
import { withStaleBanner } from '@/lib/snapshot/stale-banner';
import { V2_NOT_FOUND } from '@/lib/snapshot/v2';

/** The pages rendered with every rebuild (the others are rendered on demand: lib/snapshot/page-cache.ts). */
export const HTML_PATHS = ['/'] as const;
/** Paths whose render is a 404 page: the site's (no route takes it) and an incident page's own. */
export const NOT_FOUND_PATHS = { page: '/__beacon/not-found', incident: '/incidents/__beacon_not_found' } as const;
export type NotFoundKind = keyof typeof NOT_FOUND_PATHS;

/** Paths whose every answer is in the public set: a miss there is a 404, never a rebuild. */
// A member's own v2 API (/api/v2/member/…) is never a snapshot: Next answers it per request.
const SNAPSHOTTED = /^\/(?:api\/v2\/(?!member\/)|api\/page\/|badge\.svg$|history\.(?:rss|atom)$|maintenance\.ics$)/;

export interface SnapshotStoreOptions {
  /** JSON, feeds and badges, from one database read. */
  buildSet: () => Promise<Map<string, Representation>>;
  /** A page rendered by Next, as anonymous visitors get it. */
  renderHtml: (path: string) => Promise<RenderedPage>;
  /**
   * Which parameterised pages exist (incident ids, history pages); none when not given. After a
   * change to some incidents it is given the previous index and their ids, to read only those.
   */
  buildIndex?: (change?: { previous: PublicPageIndex; incidentIds: string[] }) => Promise<PublicPageIndex>;
  /** Throws when the database cannot be used. */
  probe: () => Promise<void>;
  /** Where the last good snapshot is kept for restarts. */
  file: string;
  buildId: string;
  /**
   * Least time between the starts of two rebuilds; changes in between are coalesced into the
   * next one. A slow rebuild stretches it (to twice its own duration), so that a storm of
   * changes takes at most about half of the event loop whatever the data's size, while fast
   * rebuilds keep an open page within a fraction of a second of each change.
   */
  minIntervalMs?: number;
  /**
   * Wait after a change before rebuilding: the events of one change (an incident update and the
   * component moves it announces) arrive together and make one rebuild. Browsers read only
   * after the rebuild (lib/live/settled-changes.ts), so nothing is gained by waiting longer.
   */
  settleMs?: number;
  timeoutMs?: number;
  /**
   * Quiet time after a rebuild before the documents it compressed fast are recompressed at the
   * best levels (lib/snapshot/representation.ts); a rebuild due meanwhile goes first.
   */
  refineAfterMs?: number;
  /** After each successful rebuild, with the time it started (changes before it are in it). */
  onBuilt?: (startedAt: number) => void;
}

/** What /api/health reports about the snapshots. */
export interface SnapshotState {
  builtAt: string | null;
  degradedSince: string | null;
  reason: string | null;
  rebuilds: number;
  lastBuildMs: number | null;
  /**
   * The process's CPU time (user + system) while the last rebuild ran: on a loaded machine a
   * steadier figure than its wall time (it includes whatever else the process did meanwhile).
   */
  lastBuildCpuMs: number | null;
  /** What the last rebuild covered: everything, or only what a change touched. */
  lastScope: 'all' | 'partial' | null;
  /** How long each part of the last rebuild took (they run side by side, so they overlap). */
  lastParts: Record<string, number>;
  entries: number;
  /** What the store holds in memory: identity bytes and their compressed variants. */
  memory: { entries: number; rawBytes: number; compressedBytes: number };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]);
}

/**
 * The public read path's in-memory copy: rebuilt on change (debounced), kept on disk, and served
 * with a "Status as of" notice while the database is unreachable.
 */
export class SnapshotStore {
  private entries = new Map<string, Representation>();
  private staleHome: Representation | null = null;
  private index: PublicPageIndex | null = null;
  private notFound: Partial<Record<NotFoundKind, Representation>> = {};
  private waiters: (() => void)[] = [];
  /** Entries read from disk are only served while the database is unreachable. */
  private fromDisk = false;
  private builtAt: string | null = null;
  private degradedSince: string | null = null;
  private reason: string | null = null;
  private rebuilds = 0;
  private lastBuildMs: number | null = null;
  private lastBuildCpuMs: number | null = null;
  private running: Promise<void> | null = null;
  /** What the changes waiting for the next rebuild touched (null: none waiting). */
  private dirty: ChangeScope | null = null;
  private lastScope: SnapshotState['lastScope'] = null;
  private lastParts: Record<string, number> = {};
  private timer: NodeJS.Timeout | undefined;
  private refineTimer: NodeJS.Timeout | undefined;
  private lastStart = 0;
  /** Rebuilds failed in a row while the database answered: retries back off. */
  private failures = 0;
  private readonly minIntervalMs: number;
  private readonly settleMs: number;
  private readonly timeoutMs: number;
  private readonly refineAfterMs: number;

  constructor(private readonly opts: SnapshotStoreOptions) {
    this.minIntervalMs = opts.minIntervalMs ?? 250;
    this.settleMs = opts.settleMs ?? 50;
    this.timeoutMs = opts.timeoutMs ?? 5_000;
    this.refineAfterMs = opts.refineAfterMs ?? 1_000;
  }

  /** Loads the copy kept on disk, so a restart with the database down still has something to serve. */
  async loadFromDisk(): Promise<boolean> {
    const stored = await loadSnapshot(this.opts.file, this.opts.buildId);
    if (!stored || this.builtAt) return false;
    this.entries = stored.entries;
    this.builtAt = stored.builtAt;
    this.fromDisk = true;
    return true;
  }

  /**
   * Asks for a rebuild of what `scope` touched (everything when not said): runs soon, at most
   * once per minIntervalMs (or twice the last rebuild's duration), never two at a time; the
   * changes in between are coalesced.
   */
  schedule(scope: ChangeScope = EVERYTHING): void {
    this.dirty = mergeScopes(this.dirty, scope);
    if (this.running || this.timer) return;
    const gap = this.minIntervalMs > 0 ? Math.max(this.minIntervalMs, 2 * (this.lastBuildMs ?? 0)) : 0;
    const backoff = gap * 2 ** Math.min(this.failures, 6);
    const wait = Math.max(this.settleMs, this.lastStart + backoff - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.rebuild(this.dirty ?? EVERYTHING);
    }, wait);
  }

  /**
   * Rebuilds what `scope` touched now (or joins the running rebuild, queueing `scope` for the
   * next); resolves when done, successful or not.
   */
  rebuild(scope: ChangeScope = EVERYTHING): Promise<void> {
    if (this.running) {
      this.dirty = mergeScopes(this.dirty, scope);
      return this.running;
    }
    scope = mergeScopes(this.dirty, scope);
    this.dirty = null;
    this.lastStart = Date.now();
    this.running = this.build(scope).finally(() => {
      this.running = null;
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
      if (this.dirty) this.schedule(this.dirty);
    });
    return this.running;
  }

  private async build(scope: ChangeScope): Promise<void> {
    const started = performance.now();
    const startedAt = Date.now();
    const cpu = process.cpuUsage();
    // Without a complete previous build there is nothing to keep: everything is built.
    const all = scope.all || this.fromDisk || !this.builtAt || !this.notFound.page || !this.notFound.incident;
    const parts: Record<string, number> = {};
    const timed = <T>(part: string, work: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      return work().then((value) => ((parts[part] = performance.now() - t), value));
    };
    try {
      const [set, index, notFound, ...pages] = await withTimeout(
        Promise.all([
          timed('json, feeds, badges', () => this.opts.buildSet()),
          timed('page index', async () => {
            const previous = this.index;
            if (all || !previous) return (await this.opts.buildIndex?.()) ?? null;
            // Component statuses are not in the index.
            if (scope.incidents.size === 0) return previous;
            return (await this.opts.buildIndex?.({ previous, incidentIds: [...scope.incidents] })) ?? null;
          }),
          // The 404 pages show only the page's name and frame: a settings change (everything) redraws them.
          all
            ? timed('404 pages', () => Promise.all([this.opts.renderHtml(NOT_FOUND_PATHS.page), this.opts.renderHtml(NOT_FOUND_PATHS.incident)]))
            : null,
          ...HTML_PATHS.map((p) => timed(`render ${p}`, () => this.opts.renderHtml(p))),
        ]),
        this.timeoutMs,
        'snapshot rebuild',
      );
      for (const [i, page] of pages.entries()) if (page.status !== 200) throw new Error(`rendering ${HTML_PATHS[i]} answered ${page.status}`);
      for (const nf of notFound ?? []) if (nf.status !== 404) throw new Error(`rendering a 404 page answered ${nf.status}`);
      const builtAt = new Date().toISOString();
      const t = performance.now();
      HTML_PATHS.forEach((path, i) => set.set(path, htmlRepresentation(pages[i]!, builtAt)));
      parts['compress pages'] = performance.now() - t;
      // An unchanged document keeps the representation it had (same bytes, same Last-Modified).
      for (const [key, rep] of set) {
        const previous = this.entries.get(key);
        if (previous && previous.etag === rep.etag && previous.status === rep.status) set.set(key, previous);
      }
      this.entries = set;
      this.index = index;
      if (notFound) this.notFound = { page: htmlRepresentation(notFound[0], builtAt), incident: htmlRepresentation(notFound[1], builtAt) };
      this.builtAt = builtAt;
      this.fromDisk = false;
      this.rebuilds++;
      this.failures = 0;
      this.lastBuildMs = performance.now() - started;
      const used = process.cpuUsage(cpu);
      this.lastBuildCpuMs = (used.user + used.system) / 1_000;
      this.lastScope = all ? 'all' : 'partial';
      this.lastParts = parts;
      this.recover();
      this.refineSoon();
      this.opts.onBuilt?.(startedAt);
      saveSnapshot(this.opts.file, { builtAt, buildId: this.opts.buildId, entries: set }).catch((error: unknown) =>
        console.error('[beacon] could not keep the snapshot on disk', error),
      );
    } catch (error) {
      // A slow or failed rebuild (a loaded machine, a render error) is not an outage: ask the
      // database before telling every visitor the data is stale.
      const reachable = await withTimeout(this.opts.probe(), Math.min(this.timeoutMs, 2_000), 'database probe').then(
        () => true,
        () => false,
      );
      if (reachable && this.builtAt && !this.fromDisk) {
        this.failures++;
        this.reason = `rebuild failed (${error instanceof Error ? error.message : String(error)}); serving the previous snapshot`;
        console.error(`[beacon] snapshot ${this.reason}, retrying`);
        this.dirty = mergeScopes(this.dirty, scope);
        return;
      }
      this.degrade(error);
    }
  }

  /** Recompresses what the last rebuilds compressed fast, once no rebuild is due. */
  private refineSoon(): void {
    clearTimeout(this.refineTimer);
    this.refineTimer = setTimeout(() => {
      this.refineTimer = undefined;
      if (!this.pending()) void refineCompression(() => this.pending()).catch(() => undefined);
    }, this.refineAfterMs);
    this.refineTimer.unref();
  }

  /** Checks the database; enters or leaves the degraded state accordingly. */
  async check(): Promise<void> {
    try {
      await withTimeout(this.opts.probe(), Math.min(this.timeoutMs, 2_000), 'database probe');
      if (this.degradedSince) await this.rebuild();
    } catch (error) {
      this.degrade(error);
    }
  }

  private degrade(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    if (!this.degradedSince) {
      this.degradedSince = new Date().toISOString();
      console.error(`[beacon] serving the last snapshot: ${reason}`);
    }
    this.reason = reason;
    const home = this.entries.get('/');
    const stale = home && this.builtAt ? withStaleBanner(home.body.toString(), this.builtAt) : null;
    // The notice is markup of its own, so the page's policy is worked out again for it.
    this.staleHome = stale
      ? represent(stale, { ...home!.headers, 'cache-control': 'no-cache', 'content-security-policy': snapshotCsp(stale) })
      : null;
  }

  private recover(): void {
    if (this.degradedSince) console.log('[beacon] database reachable again; snapshots are live');
    this.degradedSince = null;
    this.reason = null;
    this.staleHome = null;
  }

  /**
   * The representation for a public GET, if the snapshot has one; query strings never bypass it.
   * Under the snapshotted paths (v2, badges, feeds) a miss is the v2 404, from memory.
   */
  lookup(pathname: string, searchParams: URLSearchParams): Representation | undefined {
    if (this.fromDisk && !this.degradedSince) return undefined;
    if (pathname === '/' && this.staleHome) return this.staleHome;
    let rep: Representation | undefined;
    if (pathname === '/badge.svg') {
      const component = searchParams.get('component');
      rep = this.entries.get(component ? `/badge.svg?component=${component}` : '/badge.svg');
    } else {
      rep = this.entries.get(pathname);
    }
    if (rep || this.entries.size === 0 || !SNAPSHOTTED.test(pathname)) return rep;
    return V2_NOT_FOUND;
  }

  /** Which parameterised pages exist, as of the last rebuild (null before the first). */
  pageIndex(): PublicPageIndex | null {
    return this.index;
  }

  /** A 404 page (the site's, or an incident page's own), rendered with the last rebuild. */
  notFoundPage(kind: NotFoundKind = 'page'): Representation | null {
    return this.notFound[kind] ?? null;
  }

  /** Whether a change is waiting for its rebuild (or one is running). */
  pending(): boolean {
    return this.running !== null || this.timer !== undefined;
  }

  /** Resolves when the pending rebuild is done (at once when none is). */
  nextBuild(): Promise<void> {
    if (!this.pending()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Whether the database is currently unreachable. */
  isDegraded(): boolean {
    return this.degradedSince !== null;
  }

  /** For /api/health and the benchmarks. */
  state(): SnapshotState {
    return {
      builtAt: this.builtAt,
      degradedSince: this.degradedSince,
      reason: this.reason,
      rebuilds: this.rebuilds,
      lastBuildMs: this.lastBuildMs,
      lastBuildCpuMs: this.lastBuildCpuMs,
      lastScope: this.lastScope,
      lastParts: this.lastParts,
      entries: this.entries.size,
      memory: this.memory(),
    };
  }

  private memory(): SnapshotState['memory'] {
    const held = [...this.entries.values(), ...Object.values(this.notFound)];
    if (this.staleHome) held.push(this.staleHome);
    let rawBytes = 0;
    let compressedBytes = 0;
    for (const rep of held) {
      rawBytes += rep.body.length;
      compressedBytes += (rep.gzip?.length ?? 0) + (rep.br?.length ?? 0);
    }
    return { entries: held.length, rawBytes, compressedBytes };
  }
}

/** Makes the store's state readable from Next's route handlers in the same process. */
export function exposeSnapshotState(store: SnapshotStore): void {
  setShared('snapshotState', () => store.state());
}

/** The snapshot state, when this process runs the custom server. */
export function snapshotState(): SnapshotState | null {
  return peekShared<() => SnapshotState>('snapshotState')?.() ?? null;
}
