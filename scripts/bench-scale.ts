/**
 * `npm run bench:scale [-- --pg] [-- --years 10 --components 200 --incidents 20000 --updates 100000]`:
 * generates a decade of data into a fresh database and prints how long the public read models
 * take to rebuild: the `/` page data, /history, the page index and the Statuspage JSON (summary
 * and all of v2, feeds and badges). Then, through a production server on that database, the
 * snapshot rebuild after a change of everything, after one incident update and after one
 * component status change (each with its parts), and what the snapshot store holds in memory.
 * Also a component's page, a group's page and a year's SLA report over every component (#17).
 * Medians of 5 runs; targets are ≤ 100 ms each. `--keep FILE` (SQLite) keeps the generated
 * database in FILE and reuses it on the next run. `--metrics` adds 10 system metrics with a year
 * of one-minute points (`--metric-days N`), pushed day by day through the service with the
 * scheduler's rollup after each day, then times their charts and a rebuild of `/` after a push.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { migrate, openDb, type Db } from '@/lib/db/connect';
import { newId } from '@/lib/db/ids';
import { NOTIFY_CHANNEL } from '@/lib/live/live-event';
import { COMPONENT_STATUSES, type ComponentStatus } from '@/lib/domain/status';
import { buildV2Documents } from '@/lib/domain/statuspage/documents';
import { getHistoryPage } from '@/lib/services/get-history-page';
import { getComponentPage } from '@/lib/services/get-component-page';
import { getUptimeReport } from '@/lib/services/get-uptime-report';
import { reportCsv, reportJson } from '@/lib/domain/uptime-export';
import { namedPeriod } from '@/lib/domain/uptime-periods';
import { getStatusPage } from '@/lib/services/get-status-page';
import { getStatuspageData } from '@/lib/services/get-statuspage-data';
import { createApiKey } from '@/lib/services/create-api-key';
import { createOperator } from '@/lib/services/create-operator';
import { getPublicPageIndex } from '@/lib/services/get-public-page-index';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { buildPublicSet } from '@/lib/snapshot/public-set';
import type { SnapshotState } from '@/lib/snapshot/store';
import { managementApi } from '@/scripts/soak/operator';
import { benchMetricCharts, generateSystemMetrics, pushOnePoint } from '@/scripts/bench-system-metrics';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const YEARS = arg('years', 10);
const COMPONENTS = arg('components', 200);
const INCIDENTS = arg('incidents', 20_000);
const UPDATES = arg('updates', 100_000);
const USE_PG = args.includes('--pg');
const KEEP = args.includes('--keep') ? path.resolve(args[args.indexOf('--keep') + 1]!) : null;
const NOW = new Date();
const METRICS = args.includes('--metrics');
const METRIC_DAYS = arg('metric-days', 365);
const DAY = 86_400_000;

async function freshDb(): Promise<{ db: Db; url: string; drop: () => Promise<void>; kept?: boolean }> {
  if (KEEP && !USE_PG) {
    const kept = fs.existsSync(KEEP);
    const db = openDb(`file:${KEEP}`);
    await migrate(db);
    return { db, url: `file:${KEEP}`, kept, drop: () => db.kysely.destroy() };
  }
  if (USE_PG) {
    const admin = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `beacon_scale_${randomBytes(4).toString('hex')}`;
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
        await c.query(`drop database ${name}`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-scale-'));
  const url = `file:${path.join(dir, 'scale.db')}`;
  const db = openDb(url);
  await migrate(db);
  return { db, url, drop: async () => (await db.kysely.destroy(), fs.rmSync(dir, { recursive: true, force: true })) };
}

async function insertChunks<T>(db: Db, table: string, rows: T[], size = 500) {
  await db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += size) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- generic bulk loader over several tables
      await trx.insertInto(table as any).values(rows.slice(i, i + size) as any).execute();
    }
  });
}

const iso = (ms: number) => new Date(ms).toISOString();
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;

async function generate(db: Db) {
  const start = NOW.getTime() - YEARS * 365 * DAY;
  const at = iso(start);
  // The one settings row comes from the migrations.
  await db.kysely.updateTable('page_settings').set({ name: 'Scale test', time_zone: 'UTC', updated_at: at }).execute();
  const groups = Array.from({ length: 20 }, (_, g) => ({ id: newId(), name: `Group ${g + 1}`, description: null, position: g + 1, created_at: at, updated_at: at }));
  await insertChunks(db, 'component_groups', groups);
  const components = Array.from({ length: COMPONENTS }, (_, c) => ({
    id: newId(), group_id: c % 10 === 9 ? null : groups[c % groups.length]!.id, name: `Component ${c + 1}`, description: `Component number ${c + 1}`,
    position: c + 1, status: 'operational' as ComponentStatus, showcase: true, only_show_if_degraded: false, start_date: at, archived_at: null, created_at: at, updated_at: at,
  }));
  await insertChunks(db, 'components', components);

  const incidents = [];
  const links = [];
  const updates = [];
  const changes = [];
  const intervals = [];
  const perIncident = Math.max(1, Math.round(UPDATES / INCIDENTS));
  const span = NOW.getTime() - 30 * DAY - start;
  for (let i = 0; i < INCIDENTS; i++) {
    const started = start + Math.floor((span * i) / INCIDENTS);
    const duration = 10 * 60_000 + Math.floor(rand() * 6 * 3_600_000);
    const id = newId();
    const kind = i % 10 === 0 ? 'maintenance' : 'incident';
    const affected = [pick(components), pick(components)].filter((c, n, all) => all.findIndex((x) => x.id === c.id) === n);
    const status: ComponentStatus = kind === 'maintenance' ? 'under_maintenance' : pick(COMPONENT_STATUSES.slice(2));
    incidents.push({
      id, kind, name: `${kind === 'maintenance' ? 'Maintenance' : 'Incident'} ${i + 1}`, status: kind === 'maintenance' ? 'completed' : 'resolved',
      impact: kind === 'maintenance' ? 'none' : pick(['minor', 'major', 'critical'] as const), impact_override: null,
      started_at: iso(started), monitoring_at: null, resolved_at: iso(started + duration),
      scheduled_for: kind === 'maintenance' ? iso(started) : null, scheduled_until: kind === 'maintenance' ? iso(started + duration) : null,
      auto_start: false, auto_complete: false, postmortem_body: null, postmortem_published_at: null, created_at: iso(started), updated_at: iso(started + duration),
    });
    for (const c of affected) {
      links.push({ incident_id: id, component_id: c.id });
      intervals.push({ component_id: c.id, status, started_at: iso(started), ended_at: iso(started + duration) });
    }
    for (let u = 0; u < perIncident; u++) {
      const t = started + Math.floor((duration * u) / Math.max(1, perIncident - 1));
      const updateId = newId();
      const last = u === perIncident - 1;
      updates.push({
        id: updateId, incident_id: id, status: kind === 'maintenance' ? (last ? 'completed' : 'in_progress') : last ? 'resolved' : pick(['investigating', 'identified', 'monitoring'] as const),
        body: `Update ${u + 1} on ${kind} ${i + 1}: we are looking into it and will post again soon.`, display_at: iso(t), deliver_notifications: true, created_at: iso(t), updated_at: iso(t),
      });
      if (u === 0 || last) for (const c of affected) changes.push({ update_id: updateId, component_id: c.id, old_status: last ? status : 'operational', new_status: last ? 'operational' : status });
    }
  }
  const steps: [string, unknown[]][] = [
    ['incidents', incidents], ['incident_components', links], ['incident_updates', updates],
    ['incident_update_components', changes], ['component_status_intervals', intervals],
  ];
  for (const [table, rows] of steps) await insertChunks(db, table, rows);
  return { incidents: incidents.length, updates: updates.length, components: components.length };
}

async function median(label: string, fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn(); // warm-up: first query plans, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const m = times[Math.floor(times.length / 2)]!;
  console.log(`${label.padEnd(44)} ${m.toFixed(1).padStart(8)} ms   (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)})${m <= 100 ? '' : '   > 100 ms target'}`);
  return m;
}

type Snapshot = SnapshotState;

const health = async (base: string) => ((await (await fetch(`${base}/api/health`)).json()) as { snapshot: Snapshot }).snapshot;

/** Makes a change (through `change`), waits for the rebuild it causes; 5 runs, the median's parts. */
async function rebuildAfter(label: string, base: string, change: (run: number) => Promise<unknown>): Promise<Snapshot> {
  const runs: Snapshot[] = [];
  for (let i = 0; i < 5; i++) {
    // Start from a quiet store: no rebuild running or waiting (the minute's refresh included).
    let before = await health(base);
    for (let quiet = 0; quiet < 3; quiet++) {
      await new Promise((r) => setTimeout(r, 400));
      const now = await health(base);
      if (now.rebuilds !== before.rebuilds) quiet = -1;
      before = now;
    }
    await change(i);
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      const snapshot = await health(base);
      if (snapshot.rebuilds > before.rebuilds) {
        runs.push(snapshot);
        break;
      }
    }
    await new Promise((r) => setTimeout(r, 1_100)); // past the rebuild rate limit
  }
  const sorted = [...runs].sort((a, b) => a.lastBuildMs! - b.lastBuildMs!);
  const median = sorted[2]!;
  const m = median.lastBuildMs!;
  const cpu = runs.map((r) => r.lastBuildCpuMs!).sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} ${m.toFixed(1).padStart(8)} ms   (min ${sorted[0]!.lastBuildMs!.toFixed(1)}, max ${sorted[4]!.lastBuildMs!.toFixed(1)})${m <= 100 ? '' : '   > 100 ms target'}  [${median.lastScope}]`);
  console.log(`  ${'CPU time of the process (median)'.padEnd(42)} ${cpu[2]!.toFixed(1).padStart(8)} ms   (min ${cpu[0]!.toFixed(1)}, max ${cpu[4]!.toFixed(1)})`);
  for (const [part, ms] of Object.entries(median.lastParts)) console.log(`  ${part.padEnd(42)} ${ms.toFixed(1).padStart(8)} ms`);
  return median;
}

/**
 * The snapshot rebuild as the server does it (JSON, feeds, badges, the page index and `/`
 * rendered by Next) after a change of everything, of one incident and of one component's
 * status (those two through the management API, as an operator's automation makes them), and
 * /history rendered by Next: a production server on the generated database.
 */
async function throughServer(db: Db, url: string) {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(dist, 'BUILD_ID'))) {
    console.log(`\n(no production build in ${dist}: skipping the server measurements; run npm run build)`);
    return;
  }
  const ctx = { db: db.kysely, now: () => new Date(), actor: { type: 'system' as const, id: null, name: 'bench:scale' } };
  const operator = await createOperator({ ctx, input: { email: `scale-${randomBytes(4).toString('hex')}@bench.test`, name: 'Scale', role: 'admin', password: randomBytes(12).toString('hex') } });
  const { key } = await createApiKey({ ctx, input: { name: 'scale', operatorId: operator.id } });
  const pageId = (await getPageSettings(db.kysely, new Date())).id;
  const component = (await db.kysely.selectFrom('components').select('id').orderBy('position').executeTakeFirstOrThrow()).id;

  const port = arg('port', 3390);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: url, BEACON_WORKER: 'off', BEACON_LOG_LEVEL: 'warn', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  try {
    while (!/snapshots ready/.test(log)) {
      if (child.exitCode !== null) throw new Error(log);
      await new Promise((r) => setTimeout(r, 100));
    }
    const base = `http://127.0.0.1:${port}`;
    console.log('');
    // A change from another process that names no detail: a bump of the SQLite file's live
    // counter, or a settings change announced on PostgreSQL's channel.
    await rebuildAfter('rebuild after a change of everything', base, () =>
      db.dialect === 'sqlite'
        ? db.kysely.updateTable('live_version').set((eb) => ({ version: eb('version', '+', 1) })).execute()
        : sql`select pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify({ origin: 'bench:scale', event: { type: 'page.changed', what: 'settings' } })})`.execute(db.kysely),
    );
    const api = managementApi(base, pageId, key);
    const { incidentId } = await api.open('Scale bench incident', 'Looking into it.');
    await rebuildAfter('rebuild after one incident update', base, (i) => api.post(incidentId, i % 2 ? 'identified' : 'monitoring', `Update ${i + 1} of the bench.`));
    const state = await rebuildAfter('rebuild after one component status change', base, async (i) => {
      const res = await fetch(`${base}/api/v1/pages/${pageId}/components/${component}`, {
        method: 'PATCH',
        headers: { authorization: `OAuth ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ component: { status: i % 2 ? 'operational' : 'degraded_performance' } }),
      });
      if (!res.ok) throw new Error(`component PATCH answered ${res.status}: ${await res.text()}`);
    });
    if (METRICS) {
      await rebuildAfter('rebuild after one system metric data push (/ with 10 charts)', base, () => pushOnePoint(base, pageId, key, db));
    }
    const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(2)} MB`;
    const { entries, rawBytes, compressedBytes } = state.memory;
    console.log(`\nsnapshot store: ${entries} entries, ${mb(rawBytes)} raw, ${mb(compressedBytes)} compressed (gzip + brotli)`);
    const home = await fetch(`${base}/`, { headers: { 'accept-encoding': 'br' } });
    console.log(`/ is ${mb(Number(home.headers.get('content-length') ?? 0))} brotli, ${mb((await fetch(`${base}/`, { headers: { 'accept-encoding': 'identity' } }).then((r) => r.arrayBuffer())).byteLength)} raw`);
    await home.arrayBuffer();
    console.log('');
    await median('/history rendered by Next (HTTP)', async () => (await fetch(`${base}/history`)).text());
    const [first] = await db.kysely.selectFrom('components').select('id').orderBy('position').limit(1).execute();
    if (first) await median('/components/<id> rendered by Next (HTTP)', async () => (await fetch(`${base}/components/${first.id}`)).text());
    await median("/uptime, last year's report, by Next (HTTP)", async () => (await fetch(`${base}/uptime?period=${NOW.getUTCFullYear() - 1}`)).text());
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
}

/** Issue #17's read models: a component's and a group's page, and a year's SLA report over every component. */
async function benchUptime(ctx: { db: Db['kysely']; now: () => Date }) {
  const [component] = await ctx.db.selectFrom('components').select('id').orderBy('position').limit(1).execute();
  const [group] = await ctx.db.selectFrom('component_groups').select('id').orderBy('position').limit(1).execute();
  if (component) await median('/components/<id> data (12-month calendar)', () => getComponentPage({ ctx, id: component.id }));
  if (group) await median('/components/<group> data (its components)', () => getComponentPage({ ctx, id: group.id }));
  const year = namedPeriod(String(NOW.getUTCFullYear() - 1), 'UTC')!;
  await median(`/uptime data, ${year.key} × every component`, () => getUptimeReport({ ctx, period: year }));
  await median('  … plus its CSV and JSON downloads', async () => {
    const report = await getUptimeReport({ ctx, period: year });
    return [reportCsv(report), JSON.stringify(reportJson(report))];
  });
}

async function main() {
  const { db, url, drop, kept } = await freshDb();
  try {
    const t = performance.now();
    if (kept) console.log(`${db.dialect}: reusing the database in ${KEEP}\n`);
    else {
      const counts = await generate(db);
      console.log(`${db.dialect}: generated ${counts.components} components, ${counts.incidents} incidents and maintenance, ${counts.updates} updates over ${YEARS} years in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    }
    const ctx = { db: db.kysely, now: () => NOW };
    if (METRICS && !(await db.kysely.selectFrom('system_metrics').select('id').executeTakeFirst())) await generateSystemMetrics(db, NOW, METRIC_DAYS);
    if (METRICS) await benchMetricCharts(db, NOW, median);
    await median('/ page data (getStatusPage, 90-day uptime)', () => getStatusPage({ ctx }));
    await median('/history page data (getHistoryPage)', () => getHistoryPage({ ctx, pageNumber: 1 }));
    await median('/history page 20 (about 5 years back)', () => getHistoryPage({ ctx, pageNumber: 20 }));
    await median('summary.json (read + map)', async () => buildV2Documents(await getStatuspageData({ ctx, baseUrl: 'https://status.example.com' }))['summary.json']);
    await median('all public JSON, feeds, badges (+ compress)', () => buildPublicSet(ctx));
    await median('page index (incident ids, history pages)', () => getPublicPageIndex({ ctx }));
    await benchUptime(ctx); // issue #17: component pages and the SLA report
    if (!args.includes('--no-server')) await throughServer(db, url);
  } finally {
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
