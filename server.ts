/**
 * Beacon's HTTP server: a snapshot hit, or Next. Public reads (pages, the v2 API, feeds, badges
 * and the 404 of any path no route takes) are answered from in-memory snapshots rebuilt on
 * change; everything else goes to Next.js (documented custom server: `next()` +
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
  const { logRequest, requestIdFor, requestLogger, trackRequest } = await import('@/lib/http/request-log');
  const { checkedActionRequest, needsBodyCheck, refuseRequest } = await import('@/lib/http/request-guard');
  const { NextRoutes } = await import('@/lib/snapshot/next-routes');
  const { PageCache } = await import('@/lib/snapshot/page-cache');
  const { lookupPage } = await import('@/lib/snapshot/public-pages');
  const { RENDER_HEADER } = await import('@/lib/snapshot/render-secret');
  const { onLive } = await import('@/lib/live/hub');
  const { compileTrust, stampClientAddress } = await import('@/lib/http/client-address');
  const { isMemberSession, memberTokenFor } = await import('@/lib/http/member-bypass');
  const { getEnv } = await import('@/lib/env');
  const trust = compileTrust(getEnv().BEACON_TRUSTED_PROXIES);
  const log = requestLogger();

  const app = next({ dev, port, hostname: 'localhost', dir: __dirname });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Instrumentation starts the same boot; wait for it (migrations, demo data, live channel)
  // before the first snapshot. With the database down, carry on: the disk snapshot serves.
  const { boot } = await import('@/lib/boot');
  await boot().catch((error: unknown) => console.error('[beacon] start-up incomplete; serving the last snapshot', error));

  // Renders go through the address the server listens on (set once it listens): a HOSTNAME
  // such as a container name may not be reachable as 127.0.0.1.
  let origin = '';
  const render = async (pathname: string, secret: string) => {
    // identity: Next would otherwise gzip the page for this fetch to gunzip it again.
    const res = await fetch(`${origin}${pathname}`, { headers: { [RENDER_HEADER]: secret, 'accept-encoding': 'identity' }, redirect: 'manual' });
    return { status: res.status, body: await res.text() };
  };
  const distDir = path.join(__dirname, env.NEXT_DIST_DIR || '.next');
  const { store, secret } = await startSnapshots({ render, distDir });
  // What Next has a route or file for; any other GET is the 404 page from memory (none in dev).
  const nextRoutes = dev ? null : NextRoutes.load(distDir, path.join(__dirname, 'public'));
  const notFound = (pathname: string) => (nextRoutes && !nextRoutes.has(pathname) ? store.notFoundPage('page') : null);

  const extraHeaders = await siteWideHeaders(__dirname);
  // Incident, history, subscribe and API pages: rendered on their first request after a change.
  const pageCache = new PageCache({ render: (key) => render(key, secret) });
  const { dropTouchedPages } = await import('@/lib/snapshot/page-invalidation');
  onLive((event) => dropTouchedPages(pageCache, store, event));

  const route = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (needsBodyCheck(req)) {
      void checkedActionRequest(req, res).then((checked) => checked && handle(checked, res));
      return;
    }
    const method = req.method ?? 'GET';
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const pathname = q < 0 ? raw : raw.slice(0, q);
    if (req.headers[RENDER_HEADER] !== secret) {
      // Only this server's own renders may carry it (proxy.ts checks the secret again).
      delete req.headers[RENDER_HEADER];
      // A server-action call (whatever its method) is Next's to answer or refuse, never a page read.
      if ((method === 'GET' || method === 'HEAD') && !req.headers.rsc && !req.headers['next-action']) {
        const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
        // A signed-in member's `/` and incident pages render per request, never from (or into) a snapshot.
        const memberToken = memberTokenFor(pathname, req.headers.cookie);
        if (memberToken) {
          void isMemberSession(memberToken).then((member) => {
            if (member || !servePublic(req, res, pathname, params)) void handle(req, res);
          });
          return;
        }
        if (servePublic(req, res, pathname, params)) return;
      }
    }
    void handle(req, res);
  };
  /** Answers a public read from memory (or the page cache); false when Next must answer it. */
  const servePublic = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string, params: URLSearchParams): boolean => {
    const rep = store.lookup(pathname, params);
    if (rep) {
      serveRepresentation(req, res, rep, extraHeaders);
      return true;
    }
    const page = lookupPage(store, pageCache, pathname, params);
    if (page && !(page instanceof Promise)) {
      serveRepresentation(req, res, page, extraHeaders);
      return true;
    }
    if (page) {
      void page.then(
        (rep) => void (rep ? serveRepresentation(req, res, rep, extraHeaders) : handle(req, res)),
        () => handle(req, res),
      );
      return true;
    }
    const missing = page === undefined && notFound(pathname);
    if (missing) {
      serveRepresentation(req, res, missing, extraHeaders);
      return true;
    }
    return false;
  };
  const noQuery = new URLSearchParams();
  const server = http.createServer((req, res) => {
    const started = performance.now();
    stampClientAddress(req, trust);
    // The hot path: a bodiless public GET that memory answers at once, written with its
    // precomputed headers (the id goes with them) and logged as soon as it is written.
    const h = req.headers;
    if (
      (req.method === 'GET' || req.method === 'HEAD') &&
      h['content-length'] === undefined &&
      h['transfer-encoding'] === undefined &&
      h.rsc === undefined &&
      h['next-router-state-tree'] === undefined &&
      h['next-action'] === undefined &&
      h[RENDER_HEADER] === undefined
    ) {
      const raw = req.url ?? '/';
      const q = raw.indexOf('?');
      const pathname = q < 0 ? raw : raw.slice(0, q);
      const params = q < 0 ? noQuery : new URLSearchParams(raw.slice(q + 1));
      // A member's cookie on a page members see differently: the slow path decides.
      const member = h.cookie !== undefined && memberTokenFor(pathname, h.cookie) !== undefined;
      const page = member ? null : (store.lookup(pathname, params) ?? lookupPage(store, pageCache, pathname, params));
      const hit = member ? null : page === undefined ? notFound(pathname) : page;
      if (hit && !(hit instanceof Promise)) {
        const id = requestIdFor(h['x-request-id']);
        logRequest(log, req, id, serveRepresentation(req, res, hit, extraHeaders, id), started);
        return;
      }
    }
    trackRequest(log, req, res, true, started);
    // Body limits for every route; server-action bodies checked before Next decodes them.
    if (!refuseRequest(req, res)) route(req, res);
  });
  // `Expect: 100-continue` (curl does it past 1 MB): refuse an oversized body before it is sent.
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    stampClientAddress(req, trust);
    trackRequest(log, req, res);
    if (refuseRequest(req, res)) return;
    res.writeContinue();
    route(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => {
    const address = server.address() as import('node:net').AddressInfo;
    const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
    origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    console.log(`[beacon] listening on http://${hostname}:${port} (${dev ? 'development' : 'production'})`);
    void store.rebuild().then(async () => {
      // Load the other public routes' code now rather than on the first visitor's click.
      const unresolved = store.lookup('/api/v2/incidents.json', new URLSearchParams());
      const first = unresolved ? (JSON.parse(unresolved.body.toString()) as { incidents: { id: string }[] }).incidents[0] : undefined;
      for (const p of ['/history', '/subscribe', ...(first ? [`/incidents/${first.id}`] : [])]) await pageCache.get(p);
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
