import type { SelectQueryBuilder } from 'kysely';
import type { Database, PageSettings } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';

/**
 * The page's settings. Exactly one row exists, made by migration 007 (so the page id never
 * changes and nothing races to create it); reading never inserts.
 */
export async function getPageSettings(db: DbOrTx, _now?: Date): Promise<PageSettings> {
  return readPageSettings(db.selectFrom('page_settings').selectAll());
}

/** The one row from a query over page_settings (a locking one, for an update), or a loud error. */
export async function readPageSettings(query: SelectQueryBuilder<Database, 'page_settings', PageSettings>): Promise<PageSettings> {
  const row = await query.executeTakeFirst();
  if (!row) throw new Error('The page settings row is missing (migration 007 makes it; was it deleted?)');
  return row;
}
