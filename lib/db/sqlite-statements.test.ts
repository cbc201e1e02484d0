import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrate, openDb, type Db } from '@/lib/db/connect';
import { createComponent } from '@/lib/services/create-component';

/** Prepared statements are reused per SQL text (lib/db/sqlite.ts). */
describe('SQLite statement reuse', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-sqlite-stmt-'));
  let db: Db;

  afterEach(async () => {
    await db?.kysely.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('binds each call its own values, and queries beyond the cache still run after theirs was evicted', async () => {
    db = openDb(`file:${path.join(dir, 'beacon.db')}`);
    await migrate(db);
    const ctx = { db: db.kysely, now: () => new Date('2026-06-01T12:00:00Z') };
    for (const name of ['Alpha', 'Beta', 'Gamma']) await createComponent({ ctx, input: { name } });
    const from = (name: string) => db.kysely.selectFrom('components').select('name').where('name', '>=', name).orderBy('name');

    expect((await from('B').execute()).map((r) => r.name)).toEqual(['Beta', 'Gamma']);
    expect((await from('G').execute()).map((r) => r.name)).toEqual(['Gamma']);
    // 300 different texts (the cache keeps 256), then the first one again.
    for (let i = 0; i < 300; i++) {
      const row = await sql<{ n: number }>`select count(*) + ${sql.lit(i)} as n from components`.execute(db.kysely);
      expect(row.rows[0]?.n).toBe(3 + i);
    }
    expect((await from('A').execute()).map((r) => r.name)).toEqual(['Alpha', 'Beta', 'Gamma']);
    // Writes through reused statements land.
    await db.kysely.updateTable('components').set({ name: 'Delta' }).where('name', '=', 'Beta').execute();
    await db.kysely.updateTable('components').set({ name: 'Epsilon' }).where('name', '=', 'Gamma').execute();
    expect((await from('A').execute()).map((r) => r.name)).toEqual(['Alpha', 'Delta', 'Epsilon']);
  });
});
