import { getEnv } from '@/lib/env';
import { migrate, openDb, type Db } from '@/lib/db/connect';
import { peekShared, setShared } from '@/lib/runtime/bridge';

interface Holder {
  db: Db;
  ready: Promise<Db>;
}

/** The process-wide database, migrated once before first use. */
export function getDb(): Promise<Db> {
  const held = peekShared<Holder>('db');
  if (held) return held.ready;
  const db = openDb(getEnv().DATABASE_URL);
  const ready = migrate(db).then(() => db);
  setShared<Holder>('db', { db, ready });
  // A failed migration must not be cached forever: the next call retries.
  ready.catch(() => {
    if (peekShared<Holder>('db')?.db === db) setShared('db', undefined);
  });
  return ready;
}

export type { Db } from '@/lib/db/connect';
