import type { SelectQueryBuilder } from 'kysely';
import type { DbOrTx } from '@/lib/db/transaction';

/**
 * Whether `db` talks to PostgreSQL, asked of the adapter's capabilities (Next bundles its own
 * copy of Kysely, so instanceof would fail); of Beacon's two dialects only PostgreSQL has both.
 */
export function isPostgres(db: DbOrTx): boolean {
  const adapter = db.getExecutor().adapter;
  return adapter.supportsTransactionalDdl === true && adapter.supportsMultipleConnections === true;
}

/**
 * Locks the rows a read-then-write service reads until its transaction ends: `FOR UPDATE` on
 * PostgreSQL; SQLite has no row locks and needs none, its transactions (BEGIN IMMEDIATE) already
 * hold the one write lock.
 */
export function forUpdate<DB, TB extends keyof DB, O>(db: DbOrTx, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db) ? query.forUpdate() : query;
}

/**
 * Locks the given components' rows in id order (PostgreSQL; a no-op on SQLite). Two updates
 * that change the same components, listed in opposite orders, would otherwise each lock its
 * first and wait for the other's: a deadlock, which PostgreSQL breaks by failing one of them.
 */
export async function lockComponentsInOrder(db: DbOrTx, ids: readonly string[]): Promise<void> {
  if (!isPostgres(db) || ids.length < 2) return;
  // Rows are locked as the sorted scan returns them: in the database's id order, the same for every caller.
  await db.selectFrom('components').select('id').where('id', 'in', [...new Set(ids)]).orderBy('id').forUpdate().execute();
}
