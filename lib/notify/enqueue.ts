import { alertKey, alertKindOf, type AlertKind } from '@/lib/domain/alerts';
import type { DbOrTx } from '@/lib/db/transaction';
import type { DomainEvent } from '@/lib/domain/events';
import { componentSnapshot, incidentSnapshot } from '@/lib/notify/alert-snapshot';
import { recordAlertVariants } from '@/lib/notify/alert-variants';

/**
 * Records the alert a change causes, inside the change's own transaction: one event row with
 * its frozen content and audience, whatever the number of subscribers (and one more per
 * member viewer that reads it differently: lib/notify/alert-variants.ts). Workers expand it into
 * per-subscriber outbox rows after commit (lib/notify/expand.ts).
 */
export async function enqueueNotifications(db: DbOrTx, event: DomainEvent, now: Date): Promise<void> {
  const kind = alertKindOf(event);
  if (!kind) return;
  // A postmortem can be published quietly (the composer's "notify subscribers" switch).
  if (event.type === 'incident.postmortem_published' && (event as { notify?: boolean }).notify === false) return;
  if (event.type === 'component.status_changed') {
    if (!(await anyoneMayHear(db, kind))) return;
    const key = alertKey(kind, { componentId: event.componentId, at: event.at });
    const alert = { key, incidentId: null, thread: `component:${event.componentId}`, componentIds: [event.componentId] };
    await recordAlertVariants(db, alert, (sight) => componentSnapshot(db, event, now, sight), now);
    return;
  }
  if (event.type === 'page.changed' || !('incidentId' in event)) return;
  const updateId = 'updateId' in event ? event.updateId : undefined;
  await enqueueIncidentAlert(db, kind, event.incidentId, updateId, now);
}

/**
 * Records an incident or maintenance alert (also used for maintenance reminders).
 * Returns 1 when an alert was recorded, 0 when there was none to send or it already was.
 */
export async function enqueueIncidentAlert(
  db: DbOrTx,
  kind: AlertKind,
  incidentId: string,
  updateId: string | undefined,
  now: Date,
  keyAt?: string,
): Promise<number> {
  if (updateId) {
    const update = await db
      .selectFrom('incident_updates')
      .select('deliver_notifications')
      .where('id', '=', updateId)
      .executeTakeFirst();
    if (!update?.deliver_notifications) return 0;
  }
  if (!(await anyoneMayHear(db, kind))) return 0;
  const affected = await db
    .selectFrom('incident_components')
    .select('component_id')
    .where('incident_id', '=', incidentId)
    .execute();
  const key = alertKey(kind, { updateId, incidentId, at: keyAt });
  const alert = { key, incidentId, thread: incidentId, componentIds: affected.map((a) => a.component_id) };
  const recorded = await recordAlertVariants(db, alert, (sight) => incidentSnapshot(db, kind, incidentId, updateId, now, sight), now);
  return recorded ? 1 : 0;
}

/** Whether any active subscriber could want an alert of `kind` (skips the snapshot when not). */
async function anyoneMayHear(db: DbOrTx, kind: AlertKind): Promise<boolean> {
  let query = db.selectFrom('subscribers').select('id').where('state', '=', 'active');
  if (kind === 'component.updated') query = query.where('kind', '=', 'webhook');
  if (kind.startsWith('maintenance.')) query = query.where('maintenance', '=', true);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}
