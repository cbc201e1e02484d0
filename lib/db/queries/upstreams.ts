import type { ComponentUpstreamRow, UpstreamSourceRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';

/** Every follow of a component still on the page. */
export function listFollows(db: DbOrTx): Promise<ComponentUpstreamRow[]> {
  return db
    .selectFrom('component_upstreams')
    .innerJoin('components', 'components.id', 'component_upstreams.component_id')
    .selectAll('component_upstreams')
    .where('components.archived_at', 'is', null)
    .execute();
}

/** What one component follows, if anything. */
export function getFollow(db: DbOrTx, componentId: string): Promise<ComponentUpstreamRow | undefined> {
  return db.selectFrom('component_upstreams').selectAll().where('component_id', '=', componentId).executeTakeFirst();
}

export function getSource(db: DbOrTx, url: string): Promise<UpstreamSourceRow | undefined> {
  return db.selectFrom('upstream_sources').selectAll().where('url', '=', url).executeTakeFirst();
}

/** Writes a source's row, creating it on first read. */
export async function saveSource(db: DbOrTx, row: UpstreamSourceRow): Promise<void> {
  const { url: _url, ...rest } = row;
  await db.insertInto('upstream_sources').values(row).onConflict((oc) => oc.column('url').doUpdateSet(rest)).execute();
}

export async function updateFollow(db: DbOrTx, componentId: string, set: Partial<Omit<ComponentUpstreamRow, 'component_id'>>): Promise<void> {
  await db.updateTable('component_upstreams').set(set).where('component_id', '=', componentId).execute();
}
