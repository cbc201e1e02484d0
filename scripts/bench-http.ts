/**
 * `npm run bench:http`: Beacon's production build with the demo data against a bare node:http
 * server holding the same bytes, measured with wrk (50 connections, 8 s, 3 interleaved rounds,
 * medians) for every public answer the snapshot layer holds: `/`, summary.json, a 304, an incident
 * page, history pages, /subscribe and the 404s of an unknown incident, v2 document and badge.
 * Server and bare server share core 0, wrk runs on core 1. Then summary.json alone and while
 * unknown v2 documents are asked for at 500/s over 10 keep-alive sockets; then a storm of 20
 * updates/s for 10 s under load, and how soon an open page shows the storm's last update.
 * Options: --rounds N, --duration S, --port P; `--metrics` first adds 10 system metrics with 30 days
 * of one-minute points (issue #17: `/` with 10 charts). Needs `wrk` (apt-get install wrk) and Chromium.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { openDb } from '@/lib/db/connect';
import { addIncidentUpdate } from '@/lib/services/add-incident-update';
import { generateSystemMetrics } from '@/scripts/bench-system-metrics';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 3);
const STORM_ONLY = args.includes('--storm-only');
const METRICS = args.includes('--metrics');
const DURATION = arg('duration', 8);
const PORT = arg('port', 3300);
const BARE_PORT = PORT + 1;
const DIST = process.env.NEXT_DIST_DIR || '.next';
const DB_FILE = `data/bench-${PORT}.db`;
const pin = (core: number, cmd: string[]) => (hasTaskset() ? ['taskset', '-c', String(core), ...cmd] : cmd);

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function start(cmd: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(cmd[0]!, cmd.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      log += d.toString();
      if (!ready.test(log)) return;
      // Ready: the rest (the request log) is drained unread, not kept in this process's memory.
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      child.stdout!.resume();
      child.stderr!.resume();
      resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${cmd.join(' ')} exited ${code}:\n${log}`)));
  });
}

interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function ms(value: string, unit: string): number {
  return Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 1);
}

async function wrk(url: string, seconds: number, headers: Record<string, string> = {}): Promise<WrkResult> {
  const h = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const cmd = pin(1, ['wrk', '-t1', '-c50', `-d${seconds}s`, '--latency', ...h, url]);
  const { stdout: out } = await promisify(execFile)(cmd[0]!, cmd.slice(1), { encoding: 'utf8' });
  const lat = (p: string) => {
    const m = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s|m)`).exec(out);
    return m ? ms(m[1]!, m[2]!) : NaN;
  };
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0), p50: lat('50'), p99: lat('99'), errors: non2xx + socketErrors };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The bare baseline: node:http answering from memory with the same body and headers (so the same
// bytes on the wire) and the same 304 rule.
const BARE = `
const http = require('node:http');
const pages = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
for (const p of Object.values(pages)) p.body = Buffer.from(p.body, 'base64');
http.createServer((req, res) => {
  const p = pages[req.url];
  if (!p) { res.writeHead(404); return res.end(); }
  if (req.headers['if-none-match'] === p.etag) { res.writeHead(304, p.headers); return res.end(); }
  res.writeHead(p.status, { ...p.headers, 'content-length': p.body.length });
  res.end(p.body);
}).listen(Number(process.argv[2]), '127.0.0.1', () => console.log('bare ready'));
`;

// Junk at a fixed rate from its own process (on the client core, with wrk): `prefix<n>.json`
// over a few keep-alive sockets, for a number of seconds; prints what it sent and got.
const JUNK = `
const http = require('node:http');
const [prefix, perSecond, sockets, seconds] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3]), Number(process.argv[4])];
const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
const counts = { sent: 0, notFound: 0, other: 0 };
const started = Date.now();
const tick = setInterval(() => {
  const due = Math.floor(((Date.now() - started) * perSecond) / 1000) - counts.sent;
  for (let i = 0; i < due; i++) {
    http.get(prefix + (++counts.sent) + '.json', { agent }, (res) => {
      res.resume();
      if (res.statusCode === 404) counts.notFound++; else counts.other++;
    }).on('error', () => counts.other++);
  }
}, 10);
setTimeout(() => {
  clearInterval(tick);
  setTimeout(() => { console.log(JSON.stringify({ ...counts, rate: counts.sent / seconds })); process.exit(0); }, 500);
}, seconds * 1000);
`;

/** Runs the junk process while `during` runs; resolves with both. */
async function withJunk<T>(prefix: string, perSecond: number, sockets: number, seconds: number, during: () => Promise<T>) {
  const cmd = pin(1, ['node', '-e', JUNK, prefix, String(perSecond), String(sockets), String(seconds + 1)]);
  const junk = promisify(execFile)(cmd[0]!, cmd.slice(1), { encoding: 'utf8' });
  const result = await during();
  const sent = JSON.parse((await junk).stdout) as { sent: number; notFound: number; other: number; rate: number };
  return { result, sent };
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'BUILD_ID'))) {
    console.log(`no production build in ${DIST}: building…`);
    execFileSync('npx', ['next', 'build'], { stdio: 'inherit' });
  }
  for (const s of ['', '-wal', '-shm', '.snapshot.json']) fs.rmSync(`${DB_FILE}${s}`, { force: true });
  const base = `http://127.0.0.1:${PORT}`;
  const server = await start(
    pin(0, [process.execPath, '--import', 'tsx', 'server.ts']),
    { PORT: String(PORT), DATABASE_URL: `file:./${DB_FILE}`, BEACON_DEMO: '1', BEACON_PUBLIC_URL: base, NEXT_TELEMETRY_DISABLED: '1' },
    /snapshots ready/,
  );
  const children: ChildProcess[] = [server];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  try {
    if (METRICS) {
      const db = openDb(`file:./${DB_FILE}`);
      await generateSystemMetrics(db, new Date(), 30);
      await db.kysely.destroy();
      // The server rebuilds `/` on the change it sees; wait until its snapshot shows the last chart.
      for (let tries = 0; !(await (await fetch(base)).text()).includes('Metric 10'); tries++) {
        if (tries > 600) throw new Error('/ never showed the 10 bench metrics');
        await new Promise((r) => setTimeout(r, 100));
      }
      const size = (await (await fetch(base, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()).byteLength;
      console.log(`/ with the demo's and 10 more metric charts: ${(size / 1e6).toFixed(2)} MB raw`);
    }
    const unresolved = (await (await fetch(`${base}/api/v2/incidents/unresolved.json`)).json()) as { incidents: { id: string }[] };
    if (!unresolved.incidents[0]) throw new Error(`no unresolved incident in the demo: ${JSON.stringify(unresolved).slice(0, 300)}`);
    const incidentId = unresolved.incidents[0].id;
    const targets = {
      home: '/',
      summary: '/api/v2/summary.json',
      incident: `/incidents/${incidentId}`,
      history: '/history',
      history3: '/history?page=3',
      subscribe: '/subscribe',
      noIncident: '/incidents/nosuchincident',
      noDocument: '/api/v2/incidents/unknown.json',
      noBadge: '/badge.svg?component=unknown',
    };
    const pages: Record<string, { body: string; etag: string; status: number; headers: Record<string, string> }> = {};
    for (const p of Object.values(targets)) {
      const res = await fetch(`${base}${p}`, { headers: { 'accept-encoding': 'identity' } });
      const headers = Object.fromEntries([...res.headers].filter(([k]) => !['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(k)));
      pages[p] = { body: Buffer.from(await res.arrayBuffer()).toString('base64'), etag: res.headers.get('etag') ?? '"none"', status: res.status, headers };
    }
    const pagesFile = path.join('data', `bench-${PORT}-pages.json`);
    fs.writeFileSync(pagesFile, JSON.stringify(pages));
    const bare = await start(pin(0, ['node', '-e', BARE, pagesFile, String(BARE_PORT)]), {}, /bare ready/);
    children.push(bare);
    const bareBase = `http://127.0.0.1:${BARE_PORT}`;

    const cases = [
      { name: 'GET /', path: targets.home, headers: {} },
      { name: 'GET /api/v2/summary.json', path: targets.summary, headers: {} },
      // The ETag is read just before each run: `/` is re-rendered every minute (durations move on).
      { name: 'GET / with If-None-Match (304)', path: targets.home, headers: { 'if-none-match': 'current' } as Record<string, string> },
      { name: 'GET /incidents/[id]', path: targets.incident, headers: {} },
      { name: 'GET /history', path: targets.history, headers: {} },
      { name: 'GET /history?page=3', path: targets.history3, headers: {} },
      { name: 'GET /subscribe', path: targets.subscribe, headers: {} },
      { name: '404 unknown incident', path: targets.noIncident, headers: {} },
      { name: '404 unknown v2 document', path: targets.noDocument, headers: {} },
      { name: '404 unknown badge', path: targets.noBadge, headers: {} },
    ];
    const results = new Map<string, { beacon: WrkResult[]; bare: WrkResult[] }>(cases.map((c) => [c.name, { beacon: [], bare: [] }]));
    for (let round = 0; round < (STORM_ONLY ? 1 : ROUNDS); round++) {
      for (const c of STORM_ONLY ? cases.slice(0, 1) : cases) {
        const order = round % 2 === 0 ? (['beacon', 'bare'] as const) : (['bare', 'beacon'] as const);
        for (const who of order) {
          const headers = { ...c.headers };
          if (headers['if-none-match'] === 'current') {
            headers['if-none-match'] =
              who === 'beacon' ? ((await fetch(`${base}${c.path}`, { method: 'HEAD' })).headers.get('etag') ?? '') : pages[c.path]!.etag;
          }
          const r = await wrk(`${who === 'beacon' ? base : bareBase}${c.path}`, DURATION, headers);
          results.get(c.name)![who].push(r);
        }
      }
      console.log(`round ${round + 1}/${ROUNDS} done`);
    }

    console.log(`\nwrk, 50 connections, ${DURATION} s, median of ${ROUNDS} rounds (server and bare server on core 0, wrk on core 1)\n`);
    console.log(`${'case'.padEnd(34)} ${'Beacon req/s'.padStart(13)} ${'bare req/s'.padStart(11)} ${'ratio'.padStart(6)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'bare p99'.padStart(9)} ${'errors'.padStart(7)}`);
    const bareHome = median(results.get('GET /')!.bare.map((r) => r.rps));
    console.log('(for the 404 cases, "errors" counts the expected 404s)');
    for (const c of cases) {
      const { beacon, bare: b } = results.get(c.name)!;
      if (beacon.length === 0) continue;
      const rps = median(beacon.map((r) => r.rps));
      const bareRps = median(b.map((r) => r.rps));
      console.log(
        `${c.name.padEnd(34)} ${rps.toFixed(0).padStart(13)} ${bareRps.toFixed(0).padStart(11)} ${(rps / bareRps).toFixed(2).padStart(6)} ${median(beacon.map((r) => r.p50)).toFixed(2).padStart(7)} ${median(beacon.map((r) => r.p99)).toFixed(2).padStart(7)} ${median(b.map((r) => r.p99)).toFixed(2).padStart(9)} ${beacon.reduce((a, r) => a + r.errors, 0).toString().padStart(7)}`,
      );
    }

    // summary.json alone, then while junk (unknown v2 documents) arrives at a fixed 500/s over
    // 10 keep-alive sockets: the junk must cost the real readers little.
    const alone = await wrk(`${base}${targets.summary}`, DURATION);
    const { result: underJunk, sent } = await withJunk(`${base}/api/v2/junk-`, 500, 10, DURATION, () => wrk(`${base}${targets.summary}`, DURATION));
    console.log(
      `\nsummary.json alone: ${alone.rps.toFixed(0)} req/s, p99 ${alone.p99.toFixed(2)} ms; with ${sent.rate.toFixed(0)} unknown v2 documents/s (${sent.notFound} answered 404, ${sent.other} other): ${underJunk.rps.toFixed(0)} req/s = ${(underJunk.rps / alone.rps).toFixed(2)}× alone, p99 ${underJunk.p99.toFixed(2)} ms`,
    );

    // The storm: 20 updates/s for 10 s from another process (as the admin would post them) while wrk reads /.
    const page = await browser.newPage();
    await page.goto(base);
    await page.locator('[data-live-state="live"]').waitFor();
    await page.waitForLoadState('networkidle');
    const db = openDb(`file:./${DB_FILE}`);
    let posted = 0;
    let lastBody = '';
    let lastAt = 0;
    const storm = (async () => {
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        const tick = Date.now();
        lastBody = `Storm update ${++posted} at ${new Date().toISOString()}`;
        await addIncidentUpdate({ ctx: { db: db.kysely, now: () => new Date() }, input: { incidentId, status: 'identified', body: lastBody } });
        lastAt = Date.now();
        await new Promise((r) => setTimeout(r, Math.max(0, 50 - (Date.now() - tick))));
      }
    })();
    const during = await wrk(`${base}/`, 10);
    await storm;
    const health = (await (await fetch(`${base}/api/health`)).json()) as { snapshot: { rebuilds: number; lastBuildMs: number } };
    console.log(`\nsnapshot rebuilds so far: ${health.snapshot.rebuilds}, last took ${Math.round(health.snapshot.lastBuildMs)} ms`);
    await page.getByText(lastBody).first().waitFor({ timeout: 30_000 });
    const shownAfter = Date.now() - lastAt;
    await db.kysely.destroy();
    console.log(`\nstorm: ${posted} updates in 10 s; GET / during it: ${during.rps.toFixed(0)} req/s = ${(during.rps / bareHome).toFixed(2)}× bare, p99 ${during.p99.toFixed(1)} ms, ${during.errors} errors`);
    console.log(`storm: the open page showed the last update ${shownAfter} ms after it was committed`);
  } finally {
    await browser.close();
    for (const c of children) {
      try {
        process.kill(-c.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
