import { alertKey, alertKindOf, wantsAlert, type AlertKind } from '@/lib/domain/alerts';
import type { DbOrTx } from '@/lib/db/transaction';
import type { DomainEvent } from '@/lib/services/events';
import { componentSnapshot, incidentSnapshot } from '@/lib/notify/alert-snapshot';
import { queueEvent } from '@/lib/notify/outbox';

/**
 * Writes the outbox rows a change causes, inside the change's own transaction: one row per
 * active subscriber who wants this kind of alert about these components.
 */
export async function enqueueNotifications(db: DbOrTx, event: DomainEvent, now: Date): Promise<void> {
  const kind = alertKindOf(event);
  if (!kind) return;
  // A postmortem can be published quietly (the composer's "notify subscribers" switch).
  if (event.type === 'incident.postmortem_published' && (event as { notify?: boolean }).notify === false) return;
  if (event.type === 'component.status_changed') {
    const recipients = await recipientsFor(db, kind, [event.componentId]);
    if (recipients.length === 0) return;
    const snapshot = await componentSnapshot(db, event, now);
    if (!snapshot) return;
    const key = alertKey(kind, { componentId: event.componentId, at: event.at });
    await queueEvent(db, { key, incidentId: null, snapshot }, recipients, now);
    return;
  }
  if (!('incidentId' in event)) return;
  const updateId = 'updateId' in event ? event.updateId : undefined;
  await enqueueIncidentAlert(db, kind, event.incidentId, updateId, now);
}

/** Queues an incident or maintenance alert (also used for maintenance reminders). */
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
  const affected = await db
    .selectFrom('incident_components')
    .select('component_id')
    .where('incident_id', '=', incidentId)
    .execute();
  const recipients = await recipientsFor(db, kind, affected.map((a) => a.component_id));
  if (recipients.length === 0) return 0;
  const snapshot = await incidentSnapshot(db, kind, incidentId, updateId, now);
  if (!snapshot) return 0;
  const key = alertKey(kind, { updateId, incidentId, at: keyAt });
  return queueEvent(db, { key, incidentId, snapshot }, recipients, now);
}

/** Active subscribers who want an alert of `kind` touching `componentIds`. */
async function recipientsFor(
  db: DbOrTx,
  kind: AlertKind,
  componentIds: string[],
): Promise<{ id: string; channel: 'email' | 'webhook' }[]> {
  let query = db
    .selectFrom('subscribers')
    .select(['id', 'kind', 'events', 'maintenance', 'all_components'])
    .where('state', '=', 'active');
  if (kind === 'component.updated') query = query.where('kind', '=', 'webhook');
  if (kind.startsWith('maintenance.')) query = query.where('maintenance', '=', true);
  const candidates = await query.execute();
  if (candidates.length === 0) return [];

  const chosen = new Map<string, Set<string>>();
  if (componentIds.length > 0 && candidates.some((c) => !c.all_components)) {
    const rows = await db
      .selectFrom('subscriber_components')
      .innerJoin('subscribers', 'subscribers.id', 'subscriber_components.subscriber_id')
      .select(['subscriber_components.subscriber_id', 'subscriber_components.component_id'])
      .where('subscribers.state', '=', 'active')
      .where('subscribers.all_components', '=', false)
      .where('subscriber_components.component_id', 'in', componentIds)
      .execute();
    for (const r of rows) chosen.set(r.subscriber_id, (chosen.get(r.subscriber_id) ?? new Set()).add(r.component_id));
  }
  return candidates
    .filter((c) =>
      wantsAlert(
        {
          kind: c.kind,
          events: c.events,
          maintenance: c.maintenance,
          allComponents: c.all_components,
          componentIds: chosen.get(c.id) ?? new Set(),
        },
        { kind, componentIds },
      ),
    )
    .map((c) => ({ id: c.id, channel: c.kind }));
}
