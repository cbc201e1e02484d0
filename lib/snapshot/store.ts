import { CACHE_POLICY } from '@/lib/snapshot/cache-policy';
import { snapshotCsp } from '@/lib/snapshot/csp';
import { loadSnapshot, saveSnapshot } from '@/lib/snapshot/disk';
import { represent, type Representation } from '@/lib/snapshot/representation';
import { withStaleBanner } from '@/lib/snapshot/stale-banner';

/** The pages served as rendered HTML snapshots. */
export const HTML_PATHS = ['/'] as const;

export interface SnapshotStoreOptions {
  /** JSON, feeds and badges, from one database read. */
  buildSet: () => Promise<Map<string, Representation>>;
  /** A page rendered by Next, as anonymous visitors get it. */
  renderHtml: (path: string) => Promise<string>;
  /** Throws when the database cannot be used. */
  probe: () => Promise<void>;
  /** Where the last good snapshot is kept for restarts. */
  file: string;
  buildId: string;
  /** Least time between two rebuilds; changes in between are coalesced into the next one. */
  minIntervalMs?: number;
  /**
   * Wait after a change before rebuilding, so that the browsers refreshing on the same event
   * (SSE) are rendered first instead of queueing behind the rebuild.
   */
  settleMs?: number;
  timeoutMs?: number;
}

/** What /api/health reports about the snapshots. */
export interface SnapshotState {
  builtAt: string | null;
  degradedSince: string | null;
  reason: string | null;
  rebuilds: number;
  lastBuildMs: number | null;
  entries: number;
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
  /** Entries read from disk are only served while the database is unreachable. */
  private fromDisk = false;
  private builtAt: string | null = null;
  private degradedSince: string | null = null;
  private reason: string | null = null;
  private rebuilds = 0;
  private lastBuildMs: number | null = null;
  private running: Promise<void> | null = null;
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private lastStart = 0;
  /** Rebuilds failed in a row while the database answered: retries back off. */
  private failures = 0;
  private readonly minIntervalMs: number;
  private readonly settleMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly opts: SnapshotStoreOptions) {
    this.minIntervalMs = opts.minIntervalMs ?? 1_000;
    this.settleMs = opts.settleMs ?? 300;
    this.timeoutMs = opts.timeoutMs ?? 5_000;
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

  /** Asks for a rebuild: runs soon, at most once per minIntervalMs, never two at a time. */
  schedule(): void {
    this.dirty = true;
    if (this.running || this.timer) return;
    const backoff = this.minIntervalMs * 2 ** Math.min(this.failures, 6);
    const wait = Math.max(this.settleMs, this.lastStart + backoff - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.rebuild();
    }, wait);
  }

  /** Rebuilds now (or joins the running rebuild); resolves when done, successful or not. */
  rebuild(): Promise<void> {
    if (this.running) {
      this.dirty = true;
      return this.running;
    }
    this.dirty = false;
    this.lastStart = Date.now();
    this.running = this.build().finally(() => {
      this.running = null;
      if (this.dirty) this.schedule();
    });
    return this.running;
  }

  private async build(): Promise<void> {
    const started = performance.now();
    try {
      const [set, ...pages] = await withTimeout(
        Promise.all([this.opts.buildSet(), ...HTML_PATHS.map((p) => this.opts.renderHtml(p))]),
        this.timeoutMs,
        'snapshot rebuild',
      );
      const builtAt = new Date().toISOString();
      HTML_PATHS.forEach((path, i) =>
        set.set(
          path,
          represent(
            pages[i]!,
            { 'content-type': 'text/html; charset=utf-8', 'cache-control': CACHE_POLICY.html, 'content-security-policy': snapshotCsp(pages[i]!) },
            { builtAt },
          ),
        ),
      );
      this.entries = set;
      this.builtAt = builtAt;
      this.fromDisk = false;
      this.rebuilds++;
      this.failures = 0;
      this.lastBuildMs = performance.now() - started;
      this.recover();
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
        this.dirty = true;
        return;
      }
      this.degrade(error);
    }
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

  /** The representation for a public GET, if the snapshot has one; query strings never bypass it. */
  lookup(pathname: string, searchParams: URLSearchParams): Representation | undefined {
    if (this.fromDisk && !this.degradedSince) return undefined;
    if (pathname === '/' && this.staleHome) return this.staleHome;
    if (pathname === '/badge.svg') {
      const component = searchParams.get('component');
      return this.entries.get(component ? `/badge.svg?component=${component}` : '/badge.svg');
    }
    return this.entries.get(pathname);
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
      entries: this.entries.size,
    };
  }
}

const holder = globalThis as typeof globalThis & { __beaconSnapshotState?: () => SnapshotState };

/** Makes the store's state readable from Next's route handlers in the same process. */
export function exposeSnapshotState(store: SnapshotStore): void {
  holder.__beaconSnapshotState = () => store.state();
}

/** The snapshot state, when this process runs the custom server. */
export function snapshotState(): SnapshotState | null {
  return holder.__beaconSnapshotState?.() ?? null;
}
