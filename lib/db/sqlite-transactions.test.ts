import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase, { type SqliteConnection } from '@/lib/db/sqlite-driver';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDb, type Db } from '@/lib/db/connect';
import { withTransaction } from '@/lib/db/transaction';
import { createComponent } from '@/lib/services/create-component';

/** Two processes on one SQLite file: Beacon's connection, and another (a worker, a CLI). */
describe('SQLite write transactions', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-sqlite-tx-'));
  const file = path.join(dir, 'beacon.db');
  let db: Db;
  let other: SqliteConnection;

  afterEach(async () => {
    other?.close();
    await db?.kysely.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('take the write lock when they begin, so another writer cannot slip in between a read and a write', async () => {
    db = openDb(`file:${file}`);
    await migrate(db);
    other = new SqliteDatabase(file, { timeout: 50 });
    const now = () => new Date('2026-06-01T12:00:00Z');
    let otherWrite: unknown = 'not tried';

    await withTransaction(db.kysely, async (trx) => {
      await trx.selectFrom('components').select('id').execute();
      try {
        other.prepare("update page_settings set name = 'changed elsewhere'").run();
        otherWrite = 'committed';
      } catch (error) {
        otherWrite = (error as { code?: string }).code;
      }
      // With a plain BEGIN the other commit lands first and this write fails with SQLITE_BUSY_SNAPSHOT.
      await createComponent({ ctx: { db: trx, now }, input: { name: 'Written after reading' } });
    });

    expect(otherWrite).toBe('SQLITE_BUSY');
    const names = await db.kysely.selectFrom('components').select('name').execute();
    expect(names.map((n) => n.name)).toContain('Written after reading');
    // Once the transaction is over, the other process writes as usual.
    expect(() => other.prepare("update page_settings set name = 'changed elsewhere'").run()).not.toThrow();
  });
});
