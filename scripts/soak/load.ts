/**
 * The soak's read load, run as its own process so its event loop neither slows the server's
 * measurements nor the orchestrator's sinks: N keep-alive connections, each alternating GETs
 * of the given paths. On the parent's `stop` message it answers with per-path figures.
 * Usage (from bench-soak): node --import tsx scripts/soak/load.ts BASE CONNECTIONS PATH...
 */
import http from 'node:http';

/** What one public route saw during the run. */
export interface RouteFigures {
  served: number;
  non2xx: Record<string, number>;
  errors: number;
  p50: number;
  p99: number;
  max: number;
}

const [base = '', connections = '50', ...paths] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connections) });
const stats = new Map(paths.map((p) => [p, { latencies: [] as number[], non2xx: {} as Record<string, number>, errors: 0 }]));
let running = true;

function get(path: string): Promise<void> {
  const s = stats.get(path)!;
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.get(`${base}${path}`, { agent, headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      res.resume();
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) s.latencies.push(performance.now() - t0);
        else s.non2xx[status] = (s.non2xx[status] ?? 0) + 1;
        resolve();
      });
      res.on('error', () => (s.errors++, resolve()));
    });
    req.on('error', () => (s.errors++, resolve()));
  });
}

async function connection(i: number) {
  for (let n = i; running; n++) await get(paths[n % paths.length]!);
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

const loops = Array.from({ length: Number(connections) }, (_, i) => connection(i));
process.send?.({ type: 'started' });
process.on('message', async (message: { type: string }) => {
  if (message.type !== 'stop') return;
  running = false;
  await Promise.all(loops);
  const figures: Record<string, RouteFigures> = {};
  for (const [path, s] of stats) {
    const sorted = s.latencies.sort((a, b) => a - b);
    figures[path] = { served: sorted.length, non2xx: s.non2xx, errors: s.errors, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? NaN };
  }
  process.send?.({ type: 'figures', figures }, () => process.exit(0));
});
