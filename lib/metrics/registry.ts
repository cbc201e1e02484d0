import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { RequestTally } from '@/lib/metrics/request-tally';
import { peekShared, shared } from '@/lib/runtime/bridge';

interface Metrics {
  registry: Registry;
  /** Every request, counted with plain numbers; read into the two metrics below on scrape. */
  tally: RequestTally;
  requests: Counter<'method' | 'route' | 'status'>;
  snapshotHits: Counter<'kind'>;
  jobLeaseHeld: Gauge<'job'>;
  jobLastTick: Gauge<'job'>;
  jobSkippedTicks: Counter<'job'>;
}

/** The process's metrics, shared by the custom server and Next's bundles through the process bridge. */
export function metrics(): Metrics {
  return shared('metrics', createMetrics);
}

function createMetrics(): Metrics {
  const registry = new Registry();
  // Process figures (resident memory, heap by space, event-loop lag, GC time), prefixed beacon_.
  collectDefaultMetrics({ register: registry, prefix: 'beacon_' });
  const tally = new RequestTally();
  tally.registerHistogram(registry);
  return {
    registry,
    tally,
    requests: tally.counter(registry),
    snapshotHits: snapshotHitsCounter(registry),
    jobLeaseHeld: new Gauge({
      name: 'beacon_job_lease_held',
      help: 'Whether this instance holds the lease of a run-once job (scheduler, retention)',
      labelNames: ['job'],
      registers: [registry],
    }),
    jobLastTick: new Gauge({
      name: 'beacon_job_last_tick_seconds',
      help: 'When this instance last ticked a run-once job, as a Unix time',
      labelNames: ['job'],
      registers: [registry],
    }),
    jobSkippedTicks: new Counter({
      name: 'beacon_job_ticks_skipped_total',
      help: 'Ticks skipped because the previous tick of the job was still running',
      labelNames: ['job'],
      registers: [registry],
    }),
  };
}

/**
 * Answers served from the snapshot layer, by kind. Counted with plain integers on the hot path
 * (lib/snapshot/serve-node.ts) and added to the counter when scraped.
 */
function snapshotHitsCounter(registry: Registry): Counter<'kind'> {
  const seen: Record<string, number> = {};
  return new Counter({
    name: 'beacon_snapshot_hits_total',
    help: 'Responses served from memory by the snapshot layer: page, document, notFound, notModified',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      const hits = peekShared<Record<string, number>>('snapshotHits') ?? {};
      for (const [kind, n] of Object.entries(hits)) {
        if (n > (seen[kind] ?? 0)) this.inc({ kind }, n - (seen[kind] ?? 0));
        seen[kind] = n;
      }
    },
  });
}

/** The v2 endpoints by name; anything else under /api/v2 shares one label. */
const V2_ENDPOINT =
  /^\/api\/v2\/(?:summary|status|components|incidents|incidents\/unresolved|incidents\/[a-z0-9]{1,64}|scheduled-maintenances(?:\/upcoming|\/active)?)\.json$/;

/**
 * A bounded route label for a path, so ids and query strings never explode the label set:
 * `/incidents/abc` → `/incidents/:id`, `/api/v1/pages/x/incidents/y` → `/api/v1/*`.
 */
export function routeLabel(pathname: string): string {
  if (pathname === '/' || pathname === '/history' || pathname === '/subscribe' || pathname === '/api') return pathname;
  if (pathname.startsWith('/_next/')) return '/_next/*';
  if (pathname.startsWith('/api/v2/')) return V2_ENDPOINT.test(pathname) ? pathname.replace(/\/incidents\/[a-z0-9]{1,64}\.json$/, '/incidents/:id.json') : '/api/v2/*';
  if (pathname.startsWith('/api/v1/')) return '/api/v1/*';
  if (pathname.startsWith('/incidents/')) return '/incidents/:id';
  if (pathname.startsWith('/subscriptions/')) {
    const kind = pathname.split('/')[2] ?? '';
    return ['confirm', 'manage', 'unsubscribe'].includes(kind) ? `/subscriptions/${kind}/:token` : '/subscriptions/*';
  }
  if (pathname.startsWith('/admin')) return '/admin/*';
  if (/^\/(history\.(rss|atom)|maintenance\.ics|badge\.svg|api\/(live|health|metrics|subscriptions))$/.test(pathname)) return pathname;
  return 'other';
}

/** Records one served request; returns the route label it was counted under. */
export function observeRequest(method: string, pathname: string, status: number, durationMs: number): string {
  const route = routeLabel(pathname);
  metrics().tally.record(method, route, status, durationMs / 1000);
  return route;
}
