import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { migrate, openDb, type Db, type SqlDialectName } from '@/lib/db/connect';

/** The dialects every database and service suite runs on. */
export function testDialects(): SqlDialectName[] {
  return inject('postgresUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * A fresh, migrated database: a temporary SQLite file, or a new schema in this run's
 * PostgreSQL database. `drop` removes it.
 */
export async function createTestDb(dialect: SqlDialectName): Promise<Db & { url: string; drop: () => Promise<void> }> {
  const suffix = randomBytes(4).toString('hex');
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-test-'));
    const fileUrl = `file:${path.join(dir, `${suffix}.db`)}`;
    const db = openDb(fileUrl);
    await migrate(db);
    return {
      ...db,
      url: fileUrl,
      drop: async () => {
        await db.kysely.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = inject('postgresUrl');
  if (!base) throw new Error('PostgreSQL tests requested but no database was provided');
  const schema = `t_${suffix}`;
  const setup = openDb(base);
  await sql`create schema ${sql.id(schema)}`.execute(setup.kysely);
  await setup.kysely.destroy();

  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = openDb(url.toString());
  await migrate(db, schema);
  return {
    ...db,
    url: url.toString(),
    drop: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(db.kysely);
      await db.kysely.destroy();
    },
  };
}
