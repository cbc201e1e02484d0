import { Counter, type Registry } from 'prom-client';

/** Latency buckets of `beacon_http_request_duration_seconds`, in seconds. */
export const DURATION_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] as const;

interface Entry {
  method: string;
  route: string;
  status: string;
  count: number;
  sumSeconds: number;
  /** Observations per bucket (not cumulative); the last slot is past the largest bound. */
  buckets: number[];
}

/**
 * Requests counted with plain numbers, one entry per method, route and status, and turned into
 * the Prometheus counter and histogram only when /api/metrics is scraped. prom-client's labelled
 * `inc()`/`observe()` hash and validate their labels on every call, which at tens of thousands
 * of snapshot hits a second cost more than serving the hit.
 */
export class RequestTally {
  private readonly entries = new Map<string, Entry>();

  /** Counts one request. */
  record(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { method, route, status: String(status), count: 0, sumSeconds: 0, buckets: new Array<number>(DURATION_BUCKETS.length + 1).fill(0) };
      this.entries.set(key, entry);
    }
    entry.count++;
    entry.sumSeconds += seconds;
    let i = 0;
    while (i < DURATION_BUCKETS.length && seconds > DURATION_BUCKETS[i]!) i++;
    entry.buckets[i]!++;
  }

  /** The counter `beacon_http_requests_total{method,route,status}`, filled from the tally when read. */
  counter(registry: Registry): Counter<'method' | 'route' | 'status'> {
    const entries = this.entries;
    return new Counter({
      name: 'beacon_http_requests_total',
      help: 'HTTP requests served, by route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
      collect() {
        this.reset();
        for (const e of entries.values()) this.inc({ method: e.method, route: e.route, status: e.status }, e.count);
      },
    });
  }

  /** Registers `beacon_http_request_duration_seconds{method,route}`, a histogram read from the tally. */
  registerHistogram(registry: Registry): void {
    const name = 'beacon_http_request_duration_seconds';
    const entries = this.entries;
    const histogram = {
      name,
      help: 'HTTP request latency, by route',
      type: 'histogram',
      aggregator: 'sum',
      reset: () => entries.clear(),
      get: async () => {
        const byRoute = new Map<string, { method: string; route: string; count: number; sum: number; buckets: number[] }>();
        for (const e of entries.values()) {
          const key = `${e.method} ${e.route}`;
          let r = byRoute.get(key);
          if (!r) byRoute.set(key, (r = { method: e.method, route: e.route, count: 0, sum: 0, buckets: new Array<number>(e.buckets.length).fill(0) }));
          r.count += e.count;
          r.sum += e.sumSeconds;
          e.buckets.forEach((n, i) => (r.buckets[i]! += n));
        }
        const values: { labels: Record<string, string | number>; value: number; metricName: string }[] = [];
        for (const r of byRoute.values()) {
          // Labelled as prom-client's own histogram writes them: `le` first.
          const labels = { method: r.method, route: r.route };
          let cumulative = 0;
          DURATION_BUCKETS.forEach((le, i) => {
            cumulative += r.buckets[i]!;
            values.push({ labels: { le, ...labels }, value: cumulative, metricName: `${name}_bucket` });
          });
          values.push({ labels: { le: '+Inf', ...labels }, value: r.count, metricName: `${name}_bucket` });
          values.push({ labels, value: r.sum, metricName: `${name}_sum` });
          values.push({ labels, value: r.count, metricName: `${name}_count` });
        }
        return { name, help: histogram.help, type: 'histogram', aggregator: 'sum', values };
      },
    };
    registry.registerMetric(histogram as unknown as Parameters<Registry['registerMetric']>[0]);
  }
}
