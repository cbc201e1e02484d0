import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/lib/db/schema';

export type DbOrTx = Kysely<Database> | Transaction<Database>;

/** Runs `fn` in a transaction, reusing the caller's when one is open. */
export async function withTransaction<T>(db: DbOrTx, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return db.transaction().execute(fn);
}
