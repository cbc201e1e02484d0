/**
 * `npm run bench:scale [-- --pg] [-- --years 10 --components 200 --incidents 20000 --updates 100000]`:
 * generates a decade of data into a fresh database and prints how long the public read models
 * take to rebuild: the `/` page data, /history, and the Statuspage JSON (summary and all of v2,
 * feeds and badges). Medians of 5 runs; targets are ≤ 100 ms each.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrate, openDb, type Db } from '@/lib/db/connect';
import { newId } from '@/lib/db/ids';
import { COMPONENT_STATUSES, type ComponentStatus } from '@/lib/domain/status';
import { buildV2Documents } from '@/lib/domain/statuspage/documents';
import { getHistoryPage } from '@/lib/services/get-history-page';
import { getStatusPage } from '@/lib/services/get-status-page';
import { getStatuspageData } from '@/lib/services/get-statuspage-data';
import { buildPublicSet } from '@/lib/snapshot/public-set';

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
const NOW = new Date();
const DAY = 86_400_000;

async function freshDb(): Promise<{ db: Db; url: string; drop: () => Promise<void> }> {
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

/**
 * The whole snapshot rebuild as the server does it (JSON, feeds, badges and `/` rendered by Next),
 * and /history rendered by Next: a production server on the generated database.
 */
async function throughServer(db: Db, url: string) {
  const dist = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(dist, 'BUILD_ID'))) {
    console.log(`\n(no production build in ${dist}: skipping the server measurements; run npm run build)`);
    return;
  }
  const port = 3390;
  const child = spawn('npx', ['tsx', 'server.ts'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: url, BEACON_WORKER: 'off', NEXT_TELEMETRY_DISABLED: '1' },
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
    const rebuilds: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = ((await (await fetch(`${base}/api/health`)).json()) as { snapshot: { rebuilds: number } }).snapshot.rebuilds;
      // A change from another process, as an operator's would be.
      await db.kysely.updateTable('page_settings').set({ updated_at: new Date().toISOString() }).execute();
      for (;;) {
        await new Promise((r) => setTimeout(r, 100));
        const { snapshot } = (await (await fetch(`${base}/api/health`)).json()) as { snapshot: { rebuilds: number; lastBuildMs: number } };
        if (snapshot.rebuilds > before) {
          rebuilds.push(snapshot.lastBuildMs);
          break;
        }
      }
      await new Promise((r) => setTimeout(r, 1_100)); // past the rebuild rate limit
    }
    const sorted = [...rebuilds].sort((a, b) => a - b);
    const m = sorted[2]!;
    console.log(`${'whole snapshot rebuild incl. / rendered by Next'.padEnd(44)} ${m.toFixed(1).padStart(8)} ms   (min ${sorted[0]!.toFixed(1)}, max ${sorted[4]!.toFixed(1)})${m <= 100 ? '' : '   > 100 ms target'}`);
    await median('/history rendered by Next (HTTP)', async () => (await fetch(`${base}/history`)).text());
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
}

async function main() {
  const { db, url, drop } = await freshDb();
  try {
    const t = performance.now();
    const counts = await generate(db);
    console.log(`${db.dialect}: generated ${counts.components} components, ${counts.incidents} incidents and maintenance, ${counts.updates} updates over ${YEARS} years in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    const ctx = { db: db.kysely, now: () => NOW };
    await median('/ page data (getStatusPage, 90-day uptime)', () => getStatusPage({ ctx }));
    await median('/history page data (getHistoryPage)', () => getHistoryPage({ ctx, pageNumber: 1 }));
    await median('/history page 20 (about 5 years back)', () => getHistoryPage({ ctx, pageNumber: 20 }));
    await median('summary.json (read + map)', async () => buildV2Documents(await getStatuspageData({ ctx, baseUrl: 'https://status.example.com' }))['summary.json']);
    await median('all public JSON, feeds, badges (+ compress)', () => buildPublicSet(ctx));
    if (!args.includes('--no-server')) await throughServer(db, url);
  } finally {
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
