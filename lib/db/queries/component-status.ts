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

/** One status interval with its neighbours in the component's history (before and after it). */
export async function getIntervalWithNeighbours(db: DbOrTx, componentId: string, intervalId: number) {
  const target = await db
    .selectFrom('component_status_intervals')
    .selectAll()
    .where('id', '=', intervalId)
    .where('component_id', '=', componentId)
    .executeTakeFirst();
  if (!target) return undefined;
  const [previous, next] = await Promise.all([
    db
      .selectFrom('component_status_intervals')
      .selectAll()
      .where('component_id', '=', componentId)
      .where('started_at', '<', target.started_at)
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('component_status_intervals')
      .selectAll()
      .where('component_id', '=', componentId)
      .where('started_at', '>', target.started_at)
      .orderBy('started_at', 'asc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { target, previous, next };
}

/** Sets an interval's start and end (a correction; the caller keeps the neighbours contiguous). */
export async function setIntervalSpan(db: DbOrTx, id: number, span: { started_at?: string; ended_at?: string | null }) {
  if (Object.keys(span).length === 0) return;
  await db.updateTable('component_status_intervals').set(span).where('id', '=', id).execute();
}

/** The statuses of the given live (not archived) components; unknown and archived ids are absent. */
export async function listComponentStatuses(db: DbOrTx, ids: readonly string[]): Promise<Map<string, ComponentStatus>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('components').select(['id', 'status']).where('id', 'in', ids).where('archived_at', 'is', null).execute();
  return new Map(rows.map((r) => [r.id, r.status]));
}
