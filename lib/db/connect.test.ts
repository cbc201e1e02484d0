import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, parseDatabaseUrl, type Db } from '@/lib/db/connect';
import { newId } from '@/lib/db/ids';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';

describe('parseDatabaseUrl', () => {
  it('reads SQLite files and PostgreSQL URLs', () => {
    expect(parseDatabaseUrl('file:./data/x.db')).toEqual({ dialect: 'sqlite', target: './data/x.db' });
    expect(parseDatabaseUrl('postgres://u@h/db').dialect).toBe('postgres');
    expect(parseDatabaseUrl('postgresql://u@h/db').dialect).toBe('postgres');
  });
  it('refuses anything else, naming the variable', () => {
    expect(() => parseDatabaseUrl('mysql://x')).toThrow(/DATABASE_URL/);
  });
});

describe('newId', () => {
  it('makes 12-character lowercase ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{12}$/);
  });
});

for (const dialect of testDialects()) {
  describe(`database on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    beforeEach(async () => {
      db = await createTestDb(dialect);
    });
    afterEach(async () => db.drop());

    it('migrates once; a second run applies nothing', async () => {
      expect(await migrate(db)).toEqual([]);
    });

    it('returns one row shape on both dialects: ISO strings, real booleans, numbers', async () => {
      const at = '2026-03-29T01:30:00.123Z';
      await db.kysely
        .insertInto('components')
        .values({
          id: 'c1',
          group_id: null,
          name: 'Data service',
          description: null,
          position: 1,
          status: 'operational',
          showcase: true,
          only_show_if_degraded: false,
          start_date: at,
          archived_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const row = await db.kysely.selectFrom('components').selectAll().executeTakeFirstOrThrow();
      expect(row.showcase).toBe(true);
      expect(row.only_show_if_degraded).toBe(false);
      expect(row.created_at).toBe(at);
      expect(row.position).toBe(1);
      expect(row.archived_at).toBeNull();

      const count = await db.kysely.selectFrom('components').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    });

    it('orders and compares timestamps chronologically', async () => {
      const at = '2025-01-01T00:00:00.000Z';
      await db.kysely
        .insertInto('components')
        .values({
          id: 'x', group_id: null, name: 'X', description: null, position: 1, status: 'operational',
          showcase: false, only_show_if_degraded: false, start_date: at, archived_at: null, created_at: at, updated_at: at,
        })
        .execute();
      for (const started of ['2026-01-02T00:00:00.000Z', '2025-12-31T23:59:59.999Z', '2026-01-01T12:00:00.000Z']) {
        await db.kysely
          .insertInto('component_status_intervals')
          // Closed intervals: a component has at most one open one.
          .values({ component_id: 'x', status: 'operational', started_at: started, ended_at: '2026-02-01T00:00:00.000Z' })
          .execute();
      }
      const ordered = await db.kysely
        .selectFrom('component_status_intervals')
        .select('started_at')
        .where('started_at', '>=', '2026-01-01T00:00:00.000Z')
        .orderBy('started_at')
        .execute();
      expect(ordered.map((r) => r.started_at)).toEqual(['2026-01-01T12:00:00.000Z', '2026-01-02T00:00:00.000Z']);
    });
  });
}
