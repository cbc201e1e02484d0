import type { ComponentGroupRow, ComponentRow, StatusIntervalRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';

/** Live (not archived) components in display order. */
export async function listComponents(db: DbOrTx): Promise<ComponentRow[]> {
  return db
    .selectFrom('components')
    .selectAll()
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('name')
    .execute();
}

/** Groups in display order. */
export async function listGroups(db: DbOrTx): Promise<ComponentGroupRow[]> {
  return db.selectFrom('component_groups').selectAll().orderBy('position').orderBy('name').execute();
}

export async function getComponent(db: DbOrTx, id: string): Promise<ComponentRow | undefined> {
  return db.selectFrom('components').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getGroup(db: DbOrTx, id: string): Promise<ComponentGroupRow | undefined> {
  return db.selectFrom('component_groups').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Status intervals overlapping [from, to) for the given components, oldest first. */
export async function listIntervals(
  db: DbOrTx,
  componentIds: readonly string[],
  from: string,
  to: string,
): Promise<StatusIntervalRow[]> {
  if (componentIds.length === 0) return [];
  const started = () => db.selectFrom('component_status_intervals').selectAll().where('component_id', 'in', componentIds).where('started_at', '<', to);
  // Closed and open intervals apart, so each side is a range of the (component, end) index of
  // migration 023: an OR of the two made SQLite walk every interval started before `to`.
  return started()
    .where('ended_at', '>', from)
    .unionAll(started().where('ended_at', 'is', null))
    .orderBy('started_at')
    .execute();
}

/** The next position at the end of a group (or of the ungrouped list). */
export async function nextComponentPosition(db: DbOrTx, groupId: string | null): Promise<number> {
  const row = await db
    .selectFrom('components')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('group_id', groupId === null ? 'is' : '=', groupId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}
