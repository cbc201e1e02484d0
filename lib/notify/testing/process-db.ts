import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { migrate, openDb, type Db, type SqlDialectName } from '@/lib/db/connect';

/** A fresh migrated database plus the DATABASE_URL that lets another process open it. */
export async function createSharedTestDb(dialect: SqlDialectName): Promise<Db & { url: string; drop: () => Promise<void> }> {
  const suffix = randomBytes(4).toString('hex');
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-proc-'));
    const url = `file:${path.join(dir, `${suffix}.db`)}`;
    const db = openDb(url);
    await migrate(db);
    return { ...db, url, drop: async () => { await db.kysely.destroy(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const base = inject('postgresUrl');
  if (!base) throw new Error('PostgreSQL tests requested but no database was provided');
  const schema = `p_${suffix}`;
  const setup = openDb(base);
  await sql`create schema ${sql.id(schema)}`.execute(setup.kysely);
  await setup.kysely.destroy();
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const url = u.toString();
  const db = openDb(url);
  await migrate(db);
  return {
    ...db,
    url,
    drop: async () => {
      // A killed worker's backend can still be finishing its statement: the drop then deadlocks
      // with it (40P01). A schema left behind would break the next test's migration (Kysely finds
      // "its" lock table in any schema), so the drop is retried until the backend is gone.
      for (let attempt = 1; ; attempt++) {
        try {
          await sql`drop schema ${sql.id(schema)} cascade`.execute(db.kysely);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== '40P01' || attempt === 10) throw error;
          await new Promise((r) => setTimeout(r, 100 * attempt));
        }
      }
      await db.kysely.destroy();
    },
  };
}
