import { getEnv } from '@/lib/env';
import { migrate, openDb, type Db } from '@/lib/db/connect';

interface Holder {
  db: Db;
  ready: Promise<Db>;
}

const holder = globalThis as typeof globalThis & { __beaconDb?: Holder };

/** The process-wide database, migrated once before first use. */
export function getDb(): Promise<Db> {
  if (!holder.__beaconDb) {
    const db = openDb(getEnv().DATABASE_URL);
    const ready = migrate(db).then(() => db);
    holder.__beaconDb = { db, ready };
    // A failed migration must not be cached forever: the next call retries.
    ready.catch(() => {
      if (holder.__beaconDb?.db === db) holder.__beaconDb = undefined;
    });
  }
  return holder.__beaconDb.ready;
}

export type { Db } from '@/lib/db/connect';
