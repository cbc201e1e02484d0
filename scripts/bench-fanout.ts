/**
 * `npm run bench:fanout [-- --emails 10000 --webhooks 1000 --pg]`: N confirmed email
 * subscribers and M webhooks on loopback sinks, one incident; prints time to deliver all,
 * alerts per second, first-attempt latency and peak memory. A second run black-holes 10 % of
 * the webhook endpoints (they accept and never answer) and times the healthy ones.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrate, openDb, type Db } from '@/lib/db/connect';
import { onChange } from '@/lib/live/change-bus';
import { closeMailer } from '@/lib/notify/email';
import { insertActiveSubscribers } from '@/lib/notify/testing/active-subscribers';
import { startSmtpSink } from '@/lib/notify/testing/smtp-sink';
import { startWebhookReceiver } from '@/lib/notify/testing/webhook-receiver';
import { NotificationWorker } from '@/lib/notify/worker';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const EMAILS = arg('emails', 10_000);
const WEBHOOKS = arg('webhooks', 1_000);
const CONCURRENCY = arg('concurrency', 256);
const USE_PG = args.includes('--pg');
/** The worker runs as its own process (`npm run worker`), measured apart; `--inline` runs it here. */
const AS_PROCESS = !args.includes('--inline');
/** `--processes N`: worker processes `npm run worker` forks (default as it does: one per core on PostgreSQL, one on SQLite). */
const PROCESSES = USE_PG ? arg('processes', os.availableParallelism()) : 1;
/** `--cpu-prof DIR`: the worker process writes a CPU profile there (open it in Chrome DevTools). */
const CPU_PROF = args.includes('--cpu-prof') ? (args[args.indexOf('--cpu-prof') + 1] ?? '.') : undefined;

async function freshDb(): Promise<{ db: Db; url: string; drop: () => Promise<void> }> {
  if (USE_PG) {
    const admin = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `beacon_bench_${randomBytes(4).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const db = openDb(url.toString());
    await migrate(db);
    return {
      db,
      url: url.toString(),
      drop: async () => {
        await db.kysely.destroy();
        const c = new pg.Client({ connectionString: admin });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-bench-'));
  const url = `file:${path.join(dir, 'bench.db')}`;
  const db = openDb(url);
  await migrate(db);
  return { db, url, drop: async () => { await db.kysely.destroy(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/** A worker in this process (woken on commit) or a `scripts/worker.ts` child process. */
async function startBenchWorker(db: Db, url: string, smtpUrl: string | undefined) {
  if (!AS_PROCESS) {
    const worker = new NotificationWorker({ db, concurrency: CONCURRENCY, pollMs: 1000 });
    const stop = onChange(() => worker.wake());
    worker.start();
    return { label: 'in-process worker', cpuSeconds: () => null as number | null, peakRssMb: () => null as number | null, stop: async () => { stop(); await worker.stop().catch(() => undefined); } };
  }
  const child: ChildProcess = spawn(process.execPath, [...(CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF] : []), '--import', 'tsx', 'scripts/worker.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      ...(smtpUrl && { SMTP_URL: smtpUrl }),
      BEACON_WORKER_CONCURRENCY: String(CONCURRENCY),
      BEACON_WORKER_POLL_MS: '1000',
      BEACON_WORKER_PROCESSES: String(PROCESSES),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let running = 0;
  await new Promise<void>((resolve) =>
    child.stdout!.on('data', (d: Buffer) => {
      running += d.toString().split('running on').length - 1;
      if (running >= PROCESSES) resolve();
    }),
  );
  // `npm run worker` forks BEACON_WORKER_PROCESSES processes (one per core by default) under a supervisor.
  const pids = () => [child.pid!, ...readChildren(child.pid!)];
  return {
    label: `worker process${PROCESSES === 1 ? '' : `es (${PROCESSES}, under a supervisor)`}`,
    /** CPU seconds the workers used (user + system): a figure the other load on a shared machine moves less than wall time. */
    cpuSeconds: () =>
      pids().reduce((sum, pid) => {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return sum + (Number(fields[11]) + Number(fields[12])) / 100;
      }, 0),
    /** The largest peak RSS of one worker process (the supervisor holds no outbox work). */
    peakRssMb: () =>
      Math.max(
        ...pids().map((pid) => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024),
      ),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** The pids of a process's children (the forked workers). */
function readChildren(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function scenario(label: string, emails: number, webhooks: number, blackHoleFraction: number) {
  const sink = await startSmtpSink({ keep: false });
  const hooks = await startWebhookReceiver();
  process.env.SMTP_URL = sink.url;
  const { db, url, drop } = await freshDb();
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const holes = Math.round(webhooks * blackHoleFraction);
  const hookRows = Array.from({ length: webhooks }, (_, i) => {
    const p = `/h${i}`;
    hooks.secret(p, secret);
    if (i < holes) hooks.blackHole(p);
    return { kind: 'webhook' as const, address: `${hooks.base}${p}`, secret };
  });
  await insertActiveSubscribers(db, [...Array.from({ length: emails }, (_, i) => ({ kind: 'email' as const, address: `s${i}@bench.test` })), ...hookRows]);
  const ctx = { db: db.kysely, now: () => new Date() };
  const component = await createComponent({ ctx, input: { name: 'Data service' } });

  const worker = await startBenchWorker(db, url, sink.url);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

  const t0 = performance.now();
  await createIncident({ ctx, input: { name: 'Bench outage', status: 'identified', components: [{ id: component.id, status: 'major_outage' }] } });
  const committed = performance.now();
  let firstAttempt: number | null = null;
  let emailsDone: number | null = null;
  let hooksDone: number | null = null;
  const healthy = webhooks - holes;
  // Each webhook gets incident.created and component.updated; count incident ones.
  const hookCount = () => hooks.received.filter((r) => r.body.type === 'incident.created' && r.status < 300).length;
  const deadline = committed + 180_000;
  while (performance.now() < deadline) {
    const e = sink.received();
    const h = hookCount();
    if (firstAttempt === null && (e > 0 || hooks.received.length > 0)) firstAttempt = performance.now() - committed;
    if (emailsDone === null && e >= emails) emailsDone = performance.now() - committed;
    if (hooksDone === null && h >= healthy) hooksDone = performance.now() - committed;
    if (emailsDone !== null && hooksDone !== null) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const total = Math.max(emailsDone ?? NaN, hooksDone ?? NaN);
  clearInterval(sampler);
  const dupes = hooks.received.filter((r) => r.body.type === 'incident.created').length - new Set(hooks.received.filter((r) => r.body.type === 'incident.created').map((r) => r.id)).size;
  const workerPeak = worker.peakRssMb();
  console.log(`\n${label} (${USE_PG ? 'PostgreSQL' : 'SQLite'}, ${worker.label}, concurrency ${CONCURRENCY})`);
  console.log(`  subscribers:            ${emails} email, ${webhooks} webhook${holes ? ` (${holes} black-holed)` : ''}`);
  const commitMs = committed - t0;
  const rows = await db.kysely.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  console.log(`  change committed in:    ${commitMs.toFixed(0)} ms (one alert event; ${Number(rows?.n ?? 0)} outbox rows expanded after it)`);
  console.log(`  first delivery attempt: ${firstAttempt?.toFixed(0)} ms after commit`);
  if (emails) console.log(`  all emails delivered:   ${emailsDone ? (emailsDone / 1000).toFixed(2) + ' s' : 'NOT within 180 s'} (${sink.received()} received, ${emailsDone ? (emails / (emailsDone / 1000)).toFixed(0) : '?'} /s)`);
  if (webhooks) console.log(`  healthy webhooks done:  ${hooksDone ? (hooksDone / 1000).toFixed(2) + ' s' : 'NOT within 180 s'} (${hookCount()}/${healthy}, duplicate webhook-ids: ${dupes})`);
  console.log(`  alerts per second:      ${((emails + healthy) / (total / 1000)).toFixed(0)}`);
  if (workerPeak !== null) console.log(`  worker process peak RSS: ${workerPeak.toFixed(0)} MB`);
  const cpu = worker.cpuSeconds();
  const sent = sink.received() + hooks.received.filter((r) => r.status < 300).length;
  if (cpu !== null) console.log(`  worker process CPU:     ${cpu.toFixed(1)} s (${((cpu * 1000) / Math.max(1, sent)).toFixed(2)} ms per alert sent, expansion included; load average ${os.loadavg()[0]!.toFixed(1)})`);
  console.log(`  peak RSS (bench process${workerPeak === null ? ' incl. worker' : ''} and sinks): ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  if (label === 'Fan-out') {
    const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');
    console.log('  targets:');
    console.log(`    ${mark(commitMs <= 100)} change commits in ≤ 100 ms (${commitMs.toFixed(0)} ms)`);
    console.log(`    ${mark(Number.isFinite(total) && total <= 120_000)} all delivered in ≤ 120 s (${(total / 1000).toFixed(1)} s)`);
    console.log(`    ${mark(firstAttempt !== null && firstAttempt <= 1000)} first delivery ≤ 1 s after commit (${firstAttempt?.toFixed(0)} ms)`);
    const rss = workerPeak ?? peakRss / 1024 / 1024;
    console.log(`    ${mark(rss <= 300)} worker RSS ≤ 300 MB (${rss.toFixed(0)} MB${workerPeak === null ? ', bench process incl. worker' : ''})`);
  }
  await worker.stop();
  closeMailer();
  await hooks.close();
  await sink.close();
  await drop();
}

/** Commit-to-first-attempt latency over a series of small changes (the worker is woken on commit). */
async function latency(changes: number) {
  const hooks = await startWebhookReceiver();
  const { db, url, drop } = await freshDb();
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  hooks.secret('/l', secret);
  await insertActiveSubscribers(db, Array.from({ length: 20 }, () => ({ kind: 'webhook' as const, address: `${hooks.base}/l`, secret })));
  const ctx = { db: db.kysely, now: () => new Date() };
  const worker = await startBenchWorker(db, url, undefined);
  const samples: number[] = [];
  for (let i = 0; i < changes; i++) {
    const before = hooks.received.length;
    await createIncident({ ctx, input: { name: `Latency ${i}` } });
    const committed = performance.now();
    while (hooks.received.length === before) await new Promise((r) => setImmediate(r));
    samples.push(performance.now() - committed);
    while (hooks.received.length < before + 20) await new Promise((r) => setTimeout(r, 5));
  }
  samples.sort((a, b) => a - b);
  const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(0);
  console.log(`\nCommit → first delivery attempt over ${changes} changes (${USE_PG ? 'PostgreSQL' : 'SQLite'}, ${worker.label}, poll fallback 1 s)`);
  console.log(`  p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${samples.at(-1)!.toFixed(0)} ms`);
  await worker.stop();
  await hooks.close();
  await drop();
}

async function main() {
  process.env.BEACON_ALLOW_PRIVATE_WEBHOOKS = 'true';
  process.env.BEACON_PUBLIC_URL = 'http://status.bench.test';
  await scenario('Fan-out', EMAILS, WEBHOOKS, 0);
  await scenario('Black-holed endpoints', 0, WEBHOOKS, 0.1);
  await latency(40);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
