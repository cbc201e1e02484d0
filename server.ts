/**
 * Beacon's HTTP server: public reads (/, the v2 API, feeds, badges) are answered from in-memory
 * snapshots rebuilt on change, and the live refreshes of open public pages from one shared render
 * per change; everything else goes to Next.js (documented custom server: `next()` +
 * `getRequestHandler()`). Every request is logged as JSON and counted for /api/metrics.
 */
import http from 'node:http';
import path from 'node:path';

const env = process.env as Record<string, string | undefined>;
env.NODE_ENV ??= 'production';
const dev = process.argv.includes('--dev');
const port = Number(env.PORT ?? 3000);
const hostname = env.HOSTNAME ?? '127.0.0.1';

async function main() {
  const { default: next } = await import('next');
  const { startSnapshots } = await import('@/lib/snapshot/runtime');
  const { serveRepresentation } = await import('@/lib/snapshot/serve-node');
  const { siteWideHeaders } = await import('@/lib/snapshot/global-headers');
  const { requestLogger, trackRequest } = await import('@/lib/http/request-log');
  const { checkedActionRequest, needsBodyCheck, refuseRequest } = await import('@/lib/http/request-guard');
  const { RscCache } = await import('@/lib/snapshot/rsc-cache');
  const { onLive } = await import('@/lib/live/hub');
  const { metrics } = await import('@/lib/metrics/registry');
  const log = requestLogger();

  const app = next({ dev, port, hostname: 'localhost', dir: __dirname });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Instrumentation starts the same boot; wait for it (migrations, demo data, live channel)
  // before the first snapshot. With the database down, carry on: the disk snapshot serves.
  const { boot } = await import('@/lib/boot');
  await boot().catch((error: unknown) => console.error('[beacon] start-up incomplete; serving the last snapshot', error));

  const render = async (pathname: string, secret: string) => {
    const res = await fetch(`http://127.0.0.1:${port}${pathname}`, { headers: { 'x-beacon-render': secret } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`rendering ${pathname} answered ${res.status}`);
    return body;
  };
  const { store, secret } = await startSnapshots({ render, distDir: path.join(__dirname, env.NEXT_DIST_DIR || '.next') });

  const extraHeaders = await siteWideHeaders(__dirname);
  // Open pages refresh themselves on every change: one render per distinct request per change.
  const rscCache = new RscCache({
    render: async (url, headers) => {
      const res = await fetch(`http://127.0.0.1:${port}${url}`, { headers: { ...headers, 'x-beacon-render': secret }, redirect: 'manual' });
      return { status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) };
    },
    onOutcome: (result) => metrics().rscRefreshes.inc({ result }),
  });
  onLive(() => rscCache.invalidate());

  const route = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (needsBodyCheck(req)) {
      void checkedActionRequest(req, res).then((checked) => checked && handle(checked, res));
      return;
    }
    const method = req.method ?? 'GET';
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const pathname = q < 0 ? raw : raw.slice(0, q);
    if (req.headers['x-beacon-render'] !== secret) {
      if ((method === 'GET' || method === 'HEAD') && !req.headers.rsc) {
        const rep = store.lookup(pathname, new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)));
        if (rep) {
          serveRepresentation(req, res, rep, extraHeaders);
          return;
        }
      }
      if (!dev && RscCache.accepts(method, pathname, req.headers)) {
        void rscCache.get(raw, req.headers).then(
          (rep) => (rep ? serveRepresentation(req, res, rep, extraHeaders) : handle(req, res)),
          () => handle(req, res),
        );
        return;
      }
    }
    void handle(req, res);
  };
  const server = http.createServer((req, res) => {
    trackRequest(log, req, res);
    // Body limits for every route; server-action bodies checked before Next decodes them.
    if (!refuseRequest(req, res)) route(req, res);
  });
  // `Expect: 100-continue` (curl does it past 1 MB): refuse an oversized body before it is sent.
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    trackRequest(log, req, res);
    if (refuseRequest(req, res)) return;
    res.writeContinue();
    route(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => {
    console.log(`[beacon] listening on http://${hostname}:${port} (${dev ? 'development' : 'production'})`);
    void store.rebuild().then(async () => {
      // Load the other public routes' code now rather than on the first visitor's click.
      const unresolved = store.lookup('/api/v2/incidents.json', new URLSearchParams());
      const first = unresolved ? (JSON.parse(unresolved.body.toString()) as { incidents: { id: string }[] }).incidents[0] : undefined;
      for (const p of ['/history', ...(first ? [`/incidents/${first.id}`] : [])]) await render(p, secret).catch(() => undefined);
      // …and the RSC path that live refreshes take (Next redirects to its cache-busting URL first).
      await fetch(`http://127.0.0.1:${port}/`, { headers: { rsc: '1', 'x-beacon-render': secret } })
        .then((r) => r.arrayBuffer())
        .catch(() => undefined);
      console.log(`[beacon] snapshots ready (${store.state().entries} entries, ${Math.round(store.state().lastBuildMs ?? 0)} ms)`);
    });
  });
  const stop = () => server.close(() => log.flush(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('[beacon] could not start', error);
  process.exit(1);
});
