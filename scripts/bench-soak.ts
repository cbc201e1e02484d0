/**
 * `npm run bench:soak [-- --build]`: a few minutes of everything at once, on loopback. The
 * production server (its own build in NEXT_DIST_DIR, default .next-soak; `--build` makes it) on a
 * fresh SQLite file with the demo page; 200 SSE clients on /api/live; 50 keep-alive connections
 * reading / and /api/v2/summary.json; an operator posting 20 incident updates through the
 * management API; 200 email and 20 webhook subscribers, one webhook endpoint that never
 * answers, an SMTP sink behind a front that drops connections; and the notification worker as
 * its own process, SIGKILLed mid-run and restarted. Prints the figures with PASS/MISS per target;
 * exits non-zero only when the run itself fails.
 * Options: --build, --pg (a fresh PostgreSQL database instead), --port P, --clients N, --connections N, --updates N, --emails N,
 * --webhooks N, --drain S (longest wait for the outbox after the last update), --server-heap MB
 * (cap the server's old space, to tell a leak from a heap V8 just has not collected).
 */
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '@/lib/db/connect';
import { startSmtpSink } from '@/lib/notify/testing/smtp-sink';
import { startWebhookReceiver } from '@/lib/notify/testing/webhook-receiver';
import { accountAlerts, outboxStates } from '@/scripts/soak/alerts';
import { startFlakySmtp, startTarpit } from '@/scripts/soak/faulty-endpoints';
import type { RouteFigures } from '@/scripts/soak/load';
import { managementApi } from '@/scripts/soak/operator';
import { heapAfterGcMb } from '@/scripts/soak/heap';
import { memoryOf, SoakProcess } from '@/scripts/soak/processes';
import { printReport } from '@/scripts/soak/report';
import { freshDatabase, prepareDatabase } from '@/scripts/soak/setup';
import { openLiveClients } from '@/scripts/soak/sse-clients';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PORT = arg('port', 3947);
const CLIENTS = arg('clients', 200);
const CONNECTIONS = arg('connections', 50);
const UPDATES = arg('updates', 20);
const EMAILS = arg('emails', 200);
const WEBHOOKS = arg('webhooks', 20);
const DRAIN_S = arg('drain', 150);
const USE_PG = args.includes('--pg');
/** Caps the server's V8 old space (MB): tells a leak (it dies) from a lazily collected heap (it does not). */
const SERVER_HEAP_MB = arg('server-heap', 0);
const DIST = process.env.NEXT_DIST_DIR || '.next-soak';
const DB_FILE = 'data/soak.db';
const BASE = `http://127.0.0.1:${PORT}`;
const ROUTES = ['/', '/api/v2/summary.json'];
const INSPECTOR_PORT = PORT + 1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `next build` into DIST; puts tsconfig.json back as it was (next build rewrites it). */
function build() {
  const tsconfig = fs.readFileSync('tsconfig.json', 'utf8');
  try {
    execFileSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: '1' } });
  } finally {
    fs.writeFileSync('tsconfig.json', tsconfig);
  }
}

async function main() {
  if (args.includes('--build')) build();
  if (!fs.existsSync(path.join(DIST, 'BUILD_ID'))) {
    console.error(`No production build in ${DIST}. Run \`npm run bench:soak -- --build\` (or NEXT_DIST_DIR=${DIST} npx next build) first.`);
    process.exit(2);
  }
  const { url: DB_URL, drop } = await freshDatabase(USE_PG, DB_FILE);
  const sink = await startSmtpSink({ parse: false });
  const smtp = await startFlakySmtp({ port: Number(new URL(sink.url).port) }, { refuseEvery: 15, dropEvery: 20 });
  const hooks = await startWebhookReceiver();
  const tarpit = await startTarpit();
  const hookUrls = Array.from({ length: WEBHOOKS - 1 }, (_, i) => `${hooks.base}/h${i}`);
  console.log(`preparing ${USE_PG ? 'a PostgreSQL database' : DB_FILE}: demo page, ${EMAILS} email and ${WEBHOOKS} webhook subscribers (one never answers)…`);
  const { apiKey, pageId, subscribers } = await prepareDatabase(DB_URL, BASE, { emails: EMAILS, webhooks: [...hookUrls, tarpit.url] });
  for (const s of subscribers) if (s.secret && s.address.startsWith(hooks.base)) hooks.secret(new URL(s.address).pathname, s.secret);
  const timeoutSub = subscribers.find((s) => s.address === tarpit.url)!;
  const healthy = subscribers.filter((s) => s !== timeoutSub);

  const logs = (name: string) => `data/soak-${name}.log`;
  for (const name of ['server', 'worker']) fs.rmSync(logs(name), { force: true });
  const server = new SoakProcess('server', 'server.ts', { PORT: String(PORT), DATABASE_URL: DB_URL, NEXT_DIST_DIR: DIST, BEACON_PUBLIC_URL: BASE, BEACON_WORKER: 'off',
    ...(SERVER_HEAP_MB > 0 && { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${SERVER_HEAP_MB}`.trim() }),
  }, logs('server'), [`--inspect=127.0.0.1:${INSPECTOR_PORT}`]);
  const workerEnv = { DATABASE_URL: DB_URL, SMTP_URL: smtp.url, BEACON_PUBLIC_URL: BASE, BEACON_ALLOW_PRIVATE_WEBHOOKS: 'true' };
  const worker = new SoakProcess('worker', 'scripts/worker.ts', workerEnv, logs('worker'));
  worker.supervise = true;
  const db = openDb(DB_URL);
  let load: ReturnType<typeof fork> | undefined;
  let live: Awaited<ReturnType<typeof openLiveClients>> | undefined;
  let sampler: NodeJS.Timeout | undefined;
  try {
    await server.start(/snapshots ready/);
    const atReady = memoryOf(server.pid).rssMb;
    await worker.start(/running on/);
    live = await openLiveClients(BASE, CLIENTS);
    console.log(`server ${server.pid} ready (${atReady.toFixed(0)} MB), worker ${worker.pid} running, ${CLIENTS} live clients connected; load and 5 s warm-up…`);

    load = fork('scripts/soak/load.ts', [BASE, String(CONNECTIONS), ...ROUTES], { execArgv: ['--import', 'tsx'] });
    const figures = new Promise<Record<string, RouteFigures>>((resolve) => load!.on('message', (m: { type: string; figures: Record<string, RouteFigures> }) => m.type === 'figures' && resolve(m.figures)));
    const loadStarted = performance.now();
    let peak = atReady;
    const timeline: number[] = [];
    let tick = 0;
    sampler = setInterval(() => {
      if (!server.running) return;
      const m = memoryOf(server.pid);
      peak = Math.max(peak, m.peakMb);
      if (++tick % 15 === 0) timeline.push(m.rssMb);
    }, 1000);
    await sleep(5_000);
    const start = memoryOf(server.pid).rssMb;
    const heapStart = await heapAfterGcMb(INSPECTOR_PORT);

    // The operator: one incident, then UPDATES updates 1–3 s apart; the worker dies halfway.
    const api = managementApi(BASE, pageId, apiKey);
    const opened = await api.open('Soak: data service degraded', 'Soak update 0: investigating.');
    const updateIds = [opened.updateId];
    const posts = [opened.ms];
    const held = { email: new Set<string>(), webhook: new Set<string>() };
    let seed = 7;
    for (let n = 1; n <= UPDATES; n++) {
      await sleep(1_000 + ((seed = (seed * 48_271) % 2_147_483_647) % 2_000));
      const status = n === UPDATES ? 'resolved' : n % 2 ? 'identified' : 'monitoring';
      const posted = await api.post(opened.incidentId, status, `Soak update ${n}: ${status}.`);
      updateIds.push(posted.updateId);
      posts.push(posted.ms);
      process.stdout.write(`update ${n}/${UPDATES} (${posted.ms.toFixed(0)} ms)${n === UPDATES ? '\n' : ', '}`);
      if (n === Math.ceil(UPDATES / 2)) {
        // Kill it mid fan-out: as soon as it holds leased rows of this update (or after 5 s).
        const deadId = [...worker.log().matchAll(/worker (\S+) running on/g)].at(-1)?.[1] ?? '?';
        const leased = () => db.kysely.selectFrom('notifications').select(['id', 'channel']).where('lease_owner', '=', deadId).where('state', '=', 'queued').execute();
        for (const until = Date.now() + 5_000; Date.now() < until && (await leased()).length === 0; ) await sleep(10);
        await worker.stop('SIGKILL');
        const rows = await leased();
        for (const r of rows) held[r.channel].add(r.id);
        process.stdout.write(`\nworker SIGKILLed holding ${rows.length} rows; restarting… `);
        fs.appendFileSync(logs('worker'), '\n--- SIGKILL, restart ---\n');
        await worker.start(/running on/);
      }
    }

    // Let the outbox drain (retries after ~30 s, the dead worker's leases after 60 s).
    const drainEnd = Date.now() + DRAIN_S * 1000;
    const pending = async () => {
      const row = await db.kysely
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', '=', 'queued')
        .where('subscriber_id', '!=', timeoutSub.id)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    let left: number;
    for (let i = 0; (left = await pending()) > 0 && Date.now() < drainEnd; i++) {
      if (i % 5 === 0) console.log(`draining: ${left} alerts to healthy subscribers queued`);
      await sleep(2_000);
    }
    console.log(left ? `NOT drained: ${left} still queued after ${DRAIN_S} s` : 'drained');
    await sleep(2_000);

    if (!server.running) throw new Error(`the server died during the run; see ${logs('server')}`);
    const end = memoryOf(server.pid).rssMb;
    const heapEnd = await heapAfterGcMb(INSPECTOR_PORT);
    clearInterval(sampler);
    load.send({ type: 'stop' });
    const routes = await figures;
    const seconds = (performance.now() - loadStarted) / 1000;
    const health = (await (await fetch(`${BASE}/api/health`)).json()) as { snapshot?: { rebuilds?: number; lastBuildMs?: number } };
    live.close();

    const emails = sink.raw.map((m) => /X-Beacon-Notification: *(\w+)/i.exec(m.toString('latin1'))?.[1] ?? '?');
    const webhookArrivals = hooks.received.filter((r) => r.status < 300 && r.verified).map((r) => r.id.replace(/^msg_/, ''));
    const account = (channel: 'email' | 'webhook', arrivals: string[]) =>
      accountAlerts(db, { channel, arrivals, subscribers: healthy.filter((s) => s.kind === channel), updateIds, heldByKilled: held[channel] });
    const backlog = await outboxStates(db, healthy.map((s) => s.id));
    const timeoutOutbox = (await outboxStates(db, [timeoutSub.id])).given;
    const liveClients = live.clients;
    printReport({
      seconds,
      connections: CONNECTIONS,
      routes,
      live: {
        clients: liveClients.length,
        updates: updateIds.length,
        missedAny: liveClients.filter((c) => updateIds.some((id) => !c.updates.has(id))).length,
        drops: liveClients.reduce((a, c) => a + c.drops, 0),
        externalChangesPerClient: liveClients.reduce((a, c) => a + c.externalChanges, 0) / liveClients.length,
      },
      email: await account('email', emails),
      webhook: await account('webhook', webhookArrivals),
      heldAtKill: { email: held.email.size, webhook: held.webhook.size },
      timeout: { alerts: updateIds.length, requests: tarpit.ids.length, distinct: new Set(tarpit.ids).size, outbox: timeoutOutbox },
      smtp: smtp.stats(),
      memory: { atReady, start, end, peak, timeline, heapStart, heapEnd },
      workerExits: worker.unexpectedExits,
      backlog: { healthy: backlog.given, other: backlog.rest },
      posts,
      apiFailures: api.failures,
      snapshot: health.snapshot ?? {},
    });
    console.log(`\nlogs: ${logs('server')}, ${logs('worker')}`);
  } finally {
    clearInterval(sampler);
    live?.close();
    if (load && load.exitCode === null) load.kill();
    await worker.stop();
    await server.stop();
    await db.kysely.destroy();
    await drop();
    await Promise.all([sink.close(), smtp.close(), hooks.close(), tarpit.close()]);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
