import type { AlertKind, SubscriptionMessageKind } from '@/lib/domain/alerts';
import { pageStatus } from '@/lib/domain/rollup';
import { listComponents, listGroups } from '@/lib/db/queries/components';
import { getIncident, listAffected, listUpdateChanges, listUpdates } from '@/lib/db/queries/incidents';
import type { DbOrTx } from '@/lib/db/transaction';
import { publicUrl } from '@/lib/env';
import { getPageSettings } from '@/lib/services/page-settings';
import { assembleIncidents } from '@/lib/domain/statuspage/assemble';
import { affectableById, toSpComponents } from '@/lib/domain/statuspage/components';
import { toSpFullIncident, type SpFullIncident } from '@/lib/domain/statuspage/full-incident';
import type { SpComponent } from '@/lib/domain/statuspage/types';

/** Everything an alert says, frozen when the change commits so retries send the same words. */
export interface AlertSnapshot {
  kind: AlertKind | SubscriptionMessageKind;
  generatedAt: string;
  baseUrl: string;
  page: { id: string; name: string; time_zone?: string; status_indicator: string; status_description: string };
  incident?: SpFullIncident;
  /** The update this alert is about (incident alerts). */
  updateId?: string;
  component?: SpComponent;
  component_update?: {
    id: string;
    component_id: string;
    old_status: string;
    new_status: string;
    created_at: string;
    component_type: 'Component';
  };
  /** Confirmation messages: the nonce the link's token is derived from (see `confirmToken` in links.ts). */
  confirmNonce?: string;
  /** Confirmation messages queued before tokens were derived: the token itself, still sent as is. */
  confirmToken?: string;
  /** Why a webhook was disabled. */
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
  const [updates, affected, components] = await Promise.all([
    listUpdates(db, [incidentId]),
    listAffected(db, [incidentId]),
    spComponents(db, page.id),
  ]);
  const changes = await listUpdateChanges(db, updates.map((u) => u.id));
  const [input] = assembleIncidents([incident], updates, changes, affected);
  const baseUrl = publicUrl();
  return {
    kind,
    generatedAt: now.toISOString(),
    baseUrl,
    page,
    updateId,
    // The same mapper as /api/v2, so a webhook and the API describe an incident alike.
    incident: toSpFullIncident(input!, { pageId: page.id, baseUrl, components: affectableById(components) }),
  };
}

/** The page's components as /api/v2/components.json lists them (positions in display order). */
async function spComponents(db: DbOrTx, pageId: string): Promise<SpComponent[]> {
  const [groups, components] = await Promise.all([listGroups(db), listComponents(db)]);
  return toSpComponents({ settings: { id: pageId }, groups, components });
}

/** Snapshot of a component status change (webhooks only). */
export async function componentSnapshot(
  db: DbOrTx,
  change: { componentId: string; oldStatus: string; newStatus: string; at: string },
  now: Date,
): Promise<AlertSnapshot | null> {
  const page = await pageSnapshot(db, now);
  // An archived component is gone from the page: nobody is told about it.
  const component = (await spComponents(db, page.id)).find((c) => c.id === change.componentId && !c.group);
  if (!component) return null;
  return {
    kind: 'component.updated',
    generatedAt: now.toISOString(),
    baseUrl: publicUrl(),
    page,
    component,
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
