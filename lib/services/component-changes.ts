import type { ComponentStatus } from '@/lib/domain/status';
import { applyComponentStatus } from '@/lib/db/queries/component-status';
import { lockComponentsInOrder } from '@/lib/db/row-lock';
import type { DbOrTx } from '@/lib/db/transaction';
import { ValidationError } from '@/lib/services/errors';
import { emit } from '@/lib/services/events';
import type { ComponentChanges } from '@/lib/services/schemas';

/** Checks every component exists and is live before anything is written. */
export async function assertComponentsExist(db: DbOrTx, ids: readonly string[], field = 'components') {
  if (ids.length === 0) return;
  const rows = await db
    .selectFrom('components')
    .select('id')
    .where('id', 'in', ids)
    .where('archived_at', 'is', null)
    .execute();
  const known = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new ValidationError(`Unknown component: ${missing.join(', ')}`, { [field]: `unknown component ${missing[0]}` });
  }
}

/**
 * Applies an update's component changes at `at`, records old → new on the update
 * and links each component to the incident. The rows are locked in id order first, whatever
 * order the operator listed them in.
 */
export async function recordComponentChanges(
  db: DbOrTx,
  incidentId: string,
  updateId: string,
  changes: ComponentChanges,
  at: string,
  now: Date,
  opts: { alert?: boolean } = {},
): Promise<{ id: string; oldStatus: ComponentStatus; newStatus: ComponentStatus }[]> {
  const applied = [];
  await lockComponentsInOrder(db, changes.map((c) => c.id));
  for (const change of changes) {
    const old = await applyComponentStatus(db, change.id, change.status, at);
    if (!old) continue;
    await db
      .insertInto('incident_components')
      .values({ incident_id: incidentId, component_id: change.id })
      .onConflict((oc) => oc.columns(['incident_id', 'component_id']).doNothing())
      .execute();
    // A component named with its current status is linked to the incident but changed nothing.
    if (old === change.status) continue;
    await db
      .insertInto('incident_update_components')
      .values({ update_id: updateId, component_id: change.id, old_status: old, new_status: change.status })
      .execute();
    await emit(db, { type: 'component.status_changed', componentId: change.id, oldStatus: old, newStatus: change.status, at }, now, opts);
    applied.push({ id: change.id, oldStatus: old, newStatus: change.status });
  }
  return applied;
}
