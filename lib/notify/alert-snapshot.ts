import type { AlertKind, SubscriptionMessageKind } from '@/lib/domain/alerts';
import { pageStatus } from '@/lib/domain/rollup';
import { getIncident, listUpdateChanges, listUpdates } from '@/lib/db/queries/incidents';
import type { DbOrTx } from '@/lib/db/transaction';
import { publicUrl } from '@/lib/env';
import { getPageSettings } from '@/lib/services/page-settings';
import {
  toStatuspageComponent,
  toStatuspageIncident,
  type StatuspageComponent,
  type StatuspageIncident,
} from '@/lib/notify/statuspage-shape';

/** Everything an alert says, frozen when the change commits so retries send the same words. */
export interface AlertSnapshot {
  kind: AlertKind | SubscriptionMessageKind;
  generatedAt: string;
  baseUrl: string;
  page: { id: string; name: string; time_zone?: string; status_indicator: string; status_description: string };
  incident?: StatuspageIncident;
  /** The update this alert is about (incident alerts). */
  updateId?: string;
  component?: StatuspageComponent;
  component_update?: {
    id: string;
    component_id: string;
    old_status: string;
    new_status: string;
    created_at: string;
    component_type: 'Component';
  };
  /** Subscription messages: the confirmation link token, or why a webhook was disabled. */
  confirmToken?: string;
  reason?: string;
}

/** The page header every alert carries: id, name and the current rollup. */
export async function pageSnapshot(db: DbOrTx, now: Date): Promise<AlertSnapshot['page']> {
  const settings = await getPageSettings(db, now);
  const components = await db.selectFrom('components').select('status').where('archived_at', 'is', null).execute();
  const open = await db
    .selectFrom('incidents')
    .select(['kind', 'status', 'impact'])
    .where('status', 'in', ['investigating', 'identified', 'monitoring', 'in_progress', 'verifying'])
    .execute();
  const status = pageStatus({
    componentStatuses: components.map((c) => c.status),
    unresolvedIncidentImpacts: open.filter((i) => i.kind === 'incident').map((i) => i.impact),
    maintenanceInProgress: open.some((i) => i.kind === 'maintenance'),
  });
  return {
    id: settings.id,
    name: settings.name,
    time_zone: settings.time_zone,
    status_indicator: status.indicator,
    status_description: status.description,
  };
}

/** Snapshot of an incident or maintenance alert. */
export async function incidentSnapshot(
  db: DbOrTx,
  kind: AlertKind,
  incidentId: string,
  updateId: string | undefined,
  now: Date,
): Promise<AlertSnapshot | null> {
  const incident = await getIncident(db, incidentId);
  if (!incident) return null;
  const page = await pageSnapshot(db, now);
  const updates = await listUpdates(db, [incidentId]);
  const changes = await listUpdateChanges(db, updates.map((u) => u.id));
  const affected = await db
    .selectFrom('incident_components')
    .innerJoin('components', 'components.id', 'incident_components.component_id')
    .selectAll('components')
    .where('incident_components.incident_id', '=', incidentId)
    .orderBy('components.position')
    .execute();
  const baseUrl = publicUrl();
  return {
    kind,
    generatedAt: now.toISOString(),
    baseUrl,
    page,
    updateId,
    incident: toStatuspageIncident({ incident, updates, changes, components: affected, pageId: page.id, baseUrl }),
  };
}

/** Snapshot of a component status change (webhooks only). */
export async function componentSnapshot(
  db: DbOrTx,
  change: { componentId: string; oldStatus: string; newStatus: string; at: string },
  now: Date,
): Promise<AlertSnapshot | null> {
  const component = await db.selectFrom('components').selectAll().where('id', '=', change.componentId).executeTakeFirst();
  if (!component) return null;
  const page = await pageSnapshot(db, now);
  return {
    kind: 'component.updated',
    generatedAt: now.toISOString(),
    baseUrl: publicUrl(),
    page,
    component: toStatuspageComponent(component, page.id),
    component_update: {
      id: `${change.componentId}-${Date.parse(change.at).toString(36)}`,
      component_id: change.componentId,
      old_status: change.oldStatus,
      new_status: change.newStatus,
      created_at: change.at,
      component_type: 'Component',
    },
  };
}
