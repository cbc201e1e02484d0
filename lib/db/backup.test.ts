import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKUP_TABLES, NOT_BACKED_UP, exportDatabase, importDatabase, parseBackup, type Backup } from '@/lib/db/backup';
import type { Db } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { seedDemo } from '@/lib/demo/seed';
import { expandNextBatch } from '@/lib/notify/expand';
import { insertActiveSubscribers } from '@/lib/notify/testing/active-subscribers';
import { createApiKey } from '@/lib/services/create-api-key';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { createOperator } from '@/lib/services/create-operator';
import { subscribe } from '@/lib/services/subscribe';
import { signIn } from '@/lib/services/sign-in';

const NOW = new Date('2026-11-26T12:00:00.000Z');
type TestDb = Db & { drop: () => Promise<void> };

/** A value with object keys sorted at every level (jsonb reorders keys). */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)]));
  }
  return value;
}

/** Rows as comparable data: ordered by key, JSON columns parsed, whatever the dialect. */
function normalise(backup: Backup) {
  const out: Record<string, string[]> = {};
  for (const [table, rows] of Object.entries(backup.tables)) {
    out[table] = rows
      .map((row) =>
        JSON.stringify(
          Object.fromEntries(
            Object.entries(row)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, sorted(typeof v === 'string' && /^[[{]/.test(v) ? JSON.parse(v) : v)]),
          ),
        ),
      )
      .sort();
  }
  return out;
}

describe.runIf(testDialects().includes('postgres'))('backup round trip between SQLite and PostgreSQL', () => {
  const dbs: TestDb[] = [];
  let original: Backup;

  beforeAll(async () => {
    const source = await createTestDb('sqlite');
    dbs.push(source);
    const ctx = { db: source.kysely, now: () => NOW };
    await seedDemo(source.kysely, NOW);
    const admin = await createOperator({ ctx, input: { email: 'ops@example.com', name: 'Ops', role: 'admin', password: 'correct horse battery' } });
    await createApiKey({ ctx: { ...ctx, actor: { type: 'operator', id: admin.id, name: 'Ops', role: 'admin' } }, input: { name: 'Monitoring', operatorId: admin.id } });
    await createComponent({ ctx: { ...ctx, actor: { type: 'operator', id: admin.id, name: 'Ops', role: 'admin' } }, input: { name: 'Audited component' } });
    await subscribe({ ctx, input: { type: 'email', email: 'reader@example.com' } });
    await signIn({ ctx, input: { email: 'ops@example.com', password: 'correct horse battery' } });
    original = await exportDatabase(source, NOW);
  });
  afterAll(async () => Promise.all(dbs.map((db) => db.drop())));

  it('exports every kind of data', () => {
    // What the demo makes: incidents and subscribers, but also translations, audiences and their
    // members, notices, an attached trace file, system metrics, a monitoring integration.
    const demoTables = ['components', 'incidents', 'incident_updates', 'subscribers', 'page_settings', 'operators', 'api_keys', 'audit_log', 'content_translations',
      'audiences', 'audience_email_domains', 'members', 'audience_members', 'audience_components', 'notices', 'notice_audiences', 'notice_deliveries',
      'incident_files', 'incident_file_audiences', 'system_metrics', 'system_metric_points', 'integrations'];
    for (const table of demoTables) {
      expect(original.tables[table]?.length, table).toBeGreaterThan(0);
    }
    // A file's bytes travel as base64 and come back byte for byte (the round trip below).
    expect(original.tables.incident_files![0]!.content).toEqual({ $base64: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/) });
    // A member's subscription keeps its member.
    expect(original.tables.subscribers!.some((s) => s.member_id !== null)).toBe(true);
    expect(JSON.stringify(original)).not.toContain('correct horse battery');
    expect(original.tables).not.toHaveProperty('sessions');
  });

  it('restores SQLite → PostgreSQL → SQLite with nothing lost or changed', async () => {
    const pg = await createTestDb('postgres');
    dbs.push(pg);
    const text = `\n> beacon@0.1.0 beacon\n> tsx scripts/beacon.ts export\n\n${JSON.stringify(original)}`;
    await importDatabase(pg, parseBackup(text));
    const fromPg = await exportDatabase(pg, NOW);
    expect(normalise(fromPg)).toEqual(normalise(original));

    const back = await createTestDb('sqlite');
    dbs.push(back);
    await importDatabase(back, parseBackup(JSON.stringify(fromPg)));
    expect(normalise(await exportDatabase(back, NOW))).toEqual(normalise(original));

    // New rows after a restore get fresh ids (the identity sequence moved past the restored ones).
    await createComponent({ ctx: { db: pg.kysely, now: () => NOW, actor: { type: 'system', id: null, name: 'test' } }, input: { name: 'After restore' } });
    const intervals = await pg.kysely.selectFrom('component_status_intervals').select('id').execute();
    expect(new Set(intervals.map((i) => i.id)).size).toBe(intervals.length);
  });

  it('refuses to restore over existing data, changing nothing', async () => {
    const target = await createTestDb('postgres');
    dbs.push(target);
    await createComponent({ ctx: { db: target.kysely, now: () => NOW }, input: { name: 'Existing' } });
    await expect(importDatabase(target, original)).rejects.toThrow(/not empty/);
    expect(await target.kysely.selectFrom('components').select('name').execute()).toEqual([{ name: 'Existing' }]);
  });

  it('rejects a file that is not a backup', () => {
    expect(() => parseBackup('{"hello": 1}')).toThrow(/not a Beacon backup/);
    expect(() => parseBackup('nothing here')).toThrow(/no JSON object/);
  });
});

describe('backup of an alert still being expanded', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => Promise.all(dbs.map((db) => db.drop())));

  it('restores the event and its cursor: the rest of the audience is queued once, nobody twice', async () => {
    const source = await createTestDb('sqlite');
    dbs.push(source);
    const ctx = { db: source.kysely, now: () => NOW };
    const ids = await insertActiveSubscribers(source, Array.from({ length: 30 }, (_, i) => ({ kind: 'email' as const, address: `r${i}@example.com` })), NOW);
    const component = await createComponent({ ctx, input: { name: 'Data service' } });
    await createIncident({ ctx, input: { name: 'Outage', status: 'identified', components: [{ id: component.id, status: 'major_outage' }] } });
    // Half-way: one batch of 10 written, the cursor after it, the event not expanded yet.
    await expandNextBatch(source.kysely, source.dialect, { now: NOW, batchSize: 10 });
    const backup = await exportDatabase(source, NOW);
    expect(backup.tables.alert_events).toHaveLength(1);
    expect(backup.tables.alert_events![0]).toMatchObject({ expanded_at: null, cursor: expect.any(String) });
    expect(backup.tables.notifications).toHaveLength(10);

    const target = await createTestDb(testDialects().includes('postgres') ? 'postgres' : 'sqlite');
    dbs.push(target);
    await importDatabase(target, parseBackup(JSON.stringify(backup)));
    while (await expandNextBatch(target.kysely, target.dialect, { now: NOW, batchSize: 10 }));
    const rows = await target.kysely.selectFrom('notifications').select('subscriber_id').execute();
    expect(rows.map((r) => r.subscriber_id).sort()).toEqual([...ids].sort());
    // A later alert is numbered after the restored one (the identity sequence moved past it).
    await createIncident({ ctx: { db: target.kysely, now: () => NOW }, input: { name: 'Second', status: 'investigating' } });
    const seqs = await target.kysely.selectFrom('alert_events').select('seq').orderBy('seq').execute();
    expect(seqs).toHaveLength(2);
    expect(seqs[1]!.seq).toBeGreaterThan(seqs[0]!.seq);
  });
});

for (const dialect of testDialects()) {
  describe(`what a backup holds, on ${dialect}`, () => {
    it('names every table of the migrated schema: backed up, or left out with a reason', async () => {
      const db = await createTestDb(dialect);
      try {
        const listed =
          dialect === 'sqlite'
            ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
            : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`;
        const tables = (await listed.execute(db.kysely)).rows.map((r) => r.name).filter((name) => !name.startsWith('kysely_'));
        const known = new Set<string>([...BACKUP_TABLES, ...Object.keys(NOT_BACKED_UP)]);
        expect(tables.filter((t) => !known.has(t))).toEqual([]);
        expect([...known].filter((t) => !tables.includes(t))).toEqual([]);
      } finally {
        await db.drop();
      }
    });
  });
}
