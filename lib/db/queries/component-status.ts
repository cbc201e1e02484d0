import type { ComponentStatus } from '@/lib/domain/status';
import { forUpdate } from '@/lib/db/row-lock';
import type { DbOrTx } from '@/lib/db/transaction';

/**
 * Moves a component to `status` at `at`, closing its open interval and opening a new one,
 * so every change stays in the history. Returns the previous status. Call it in a transaction:
 * the component row stays locked until commit, so a concurrent change waits and then closes
 * this one's interval (the partial unique index of migration 007 allows one open interval).
 */
export async function applyComponentStatus(
  db: DbOrTx,
  componentId: string,
  status: ComponentStatus,
  at: string,
): Promise<ComponentStatus | undefined> {
  const current = await forUpdate(db, db.selectFrom('components').select('status').where('id', '=', componentId)).executeTakeFirst();
  if (!current) return undefined;
  if (current.status === status) return current.status;

  await db
    .updateTable('component_status_intervals')
    .set({ ended_at: at })
    .where('component_id', '=', componentId)
    .where('ended_at', 'is', null)
    .execute();
  await db
    .insertInto('component_status_intervals')
    .values({ component_id: componentId, status, started_at: at, ended_at: null })
    .execute();
  await db.updateTable('components').set({ status, updated_at: at }).where('id', '=', componentId).execute();
  return current.status;
}

/** Opens the first interval of a new component. */
export async function openFirstInterval(db: DbOrTx, componentId: string, status: ComponentStatus, at: string) {
  await db
    .insertInto('component_status_intervals')
    .values({ component_id: componentId, status, started_at: at, ended_at: null })
    .execute();
}
