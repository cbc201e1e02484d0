import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/lib/db/schema';

export type DbOrTx = Kysely<Database> | Transaction<Database>;

const hooks = new WeakMap<object, (() => void)[]>();

/**
 * Runs `fn` in a transaction, reusing the caller's when one is open. Callbacks registered
 * with `afterCommit` run once the outermost transaction has committed (never on rollback).
 */
export async function withTransaction<T>(db: DbOrTx, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  const pending: (() => void)[] = [];
  const result = await db.transaction().execute(async (trx) => {
    hooks.set(trx, pending);
    return fn(trx);
  });
  for (const callback of pending) {
    try {
      callback();
    } catch (error) {
      console.error('[beacon] after-commit callback failed', error);
    }
  }
  return result;
}

/** Defers `callback` until the transaction commits; outside a transaction it runs now. */
export function afterCommit(db: DbOrTx, callback: () => void): void {
  const pending = db.isTransaction ? hooks.get(db) : undefined;
  if (pending) pending.push(callback);
  else callback();
}
