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
