import type { AlertKind, NoticeMessageKind, SubscriptionMessageKind } from '@/lib/domain/alerts';
import { pageStatus } from '@/lib/domain/rollup';
import { listComponents, listGroups } from '@/lib/db/queries/components';
import { getIncident, listAffected, listUpdateChanges, listUpdates } from '@/lib/db/queries/incidents';
import type { DbOrTx } from '@/lib/db/transaction';
import { publicUrl } from '@/lib/env';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { assembleIncidents } from '@/lib/domain/statuspage/assemble';
import { affectableById, toSpComponents } from '@/lib/domain/statuspage/components';
import { toSpFullIncident, type SpFullIncident } from '@/lib/domain/statuspage/full-incident';
import type { SpComponent } from '@/lib/domain/statuspage/types';
import type { Translations } from '@/lib/domain/localize';
import { listTranslations } from '@/lib/db/queries/translations';

/** What an alert's text is in other languages (issue #15); webhooks and chat ignore it. */
export interface AlertTranslations {
  incident?: Translations;
  /** By update id. */
  updates?: Record<string, Translations>;
  /** By component id. */
  components?: Record<string, Translations>;
}

import { readVisibilityIndex } from '@/lib/db/queries/visibility';
import { PUBLIC_VIEWER, sightOf, withVisiblePostmortem, type Sight } from '@/lib/domain/visibility';

/**
 * What an alert may say: by default what the public sees. A member's variant (lib/notify/
 * alert-variants.ts) passes the sight of the member's audiences.
 */
async function publicSight(db: DbOrTx): Promise<Sight> {
  return sightOf(await readVisibilityIndex(db), PUBLIC_VIEWER);
}

/** Everything an alert says, frozen when the change commits so retries send the same words. */
export interface AlertSnapshot {
  kind: AlertKind | SubscriptionMessageKind | NoticeMessageKind;
  generatedAt: string;
  baseUrl: string;
  /** `locale`: the page's default language, whose URLs carry no prefix (alerts frozen before it have none). */
  page: { id: string; name: string; time_zone?: string; locale?: string; status_indicator: string; status_description: string };
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
  /** For emails and chat messages: the incident's, its updates' and its components' translations. */
  translations?: AlertTranslations;
  /** A variant for members of these audiences (lib/domain/alert-viewers.ts); absent for the public. */
  viewer?: string;
  /** An early notice (kind `notice.sent`): what it says and whom it is for. */
  notice?: { id: string; title: string; body: string; audiences: string[]; created_at: string };
}

/** The page header every alert carries: id, name and the current rollup. */
export async function pageSnapshot(db: DbOrTx, now: Date, seen?: Sight): Promise<AlertSnapshot['page']> {
  const settings = await getPageSettings(db, now);
  const sight = seen ?? (await publicSight(db));
  const components = (await db.selectFrom('components').select(['id', 'group_id', 'status']).where('archived_at', 'is', null).execute()).filter((c) =>
    sight.component(c.id, c.group_id),
  );
  const open = (
    await db
      .selectFrom('incidents')
      .select(['id', 'kind', 'status', 'impact'])
      .where('status', 'in', ['investigating', 'identified', 'monitoring', 'in_progress', 'verifying'])
      .execute()
  ).filter((i) => sight.incident(i.id));
  const status = pageStatus({
    componentStatuses: components.map((c) => c.status),
    unresolvedIncidentImpacts: open.filter((i) => i.kind === 'incident').map((i) => i.impact),
    maintenanceInProgress: open.some((i) => i.kind === 'maintenance'),
  });
  return {
    id: settings.id,
    name: settings.name,
    time_zone: settings.time_zone,
    locale: settings.locale,
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
  seen?: Sight,
): Promise<AlertSnapshot | null> {
  const incident = await getIncident(db, incidentId);
  if (!incident) return null;
  // A private incident alerts only the members of its audiences.
  const sight = seen ?? (await publicSight(db));
  if (!sight.incident(incident.id)) return null;
  // A postmortem for some support levels only is not news to anyone below them.
  if (kind === 'incident.postmortem' && !sight.postmortem(incident.id)) return null;
  const page = await pageSnapshot(db, now, sight);
  const [updates, allAffected, components] = await Promise.all([
    listUpdates(db, [incidentId]),
    listAffected(db, [incidentId]),
    spComponents(db, page.id, sight),
  ]);
  const affected = new Map([...allAffected].map(([id, list]) => [id, list.filter((c) => sight.component(c))]));
  const changes = (await listUpdateChanges(db, updates.map((u) => u.id))).filter((c) => sight.component(c.component_id));
  const [input] = assembleIncidents([withVisiblePostmortem(incident, sight)], updates, changes, affected);
  const baseUrl = publicUrl();
  const translations = await alertTranslations(db, incidentId, updates.map((u) => u.id), components.map((c) => c.id));
  return {
    kind,
    generatedAt: now.toISOString(),
    baseUrl,
    page,
    updateId,
    // The same mapper as /api/v2, so a webhook and the API describe an incident alike.
    incident: toSpFullIncident(input!, { pageId: page.id, baseUrl, components: affectableById(components) }),
    ...(translations && { translations }),
  };
}

/** The translations an incident alert may show; undefined when there are none (most pages). */
async function alertTranslations(db: DbOrTx, incidentId: string, updateIds: string[], componentIds: string[]): Promise<AlertTranslations | undefined> {
  const [incident, updates, components] = await Promise.all([
    listTranslations(db, 'incident', [incidentId]),
    listTranslations(db, 'incident_update', updateIds),
    listTranslations(db, 'component', componentIds),
  ]);
  if (incident.size + updates.size + components.size === 0) return undefined;
  return {
    ...(incident.has(incidentId) && { incident: incident.get(incidentId) }),
    ...(updates.size > 0 && { updates: Object.fromEntries(updates) }),
    ...(components.size > 0 && { components: Object.fromEntries(components) }),
  };
}

/** The page's components as /api/v2/components.json lists them (positions in display order). */
async function spComponents(db: DbOrTx, pageId: string, sight: Sight): Promise<SpComponent[]> {
  const [groups, components] = await Promise.all([listGroups(db), listComponents(db)]);
  return toSpComponents({
    settings: { id: pageId },
    groups: groups.filter((g) => sight.group(g.id)),
    components: components.filter((c) => sight.component(c.id, c.group_id)),
  });
}

/** Snapshot of a component status change (webhooks only). */
export async function componentSnapshot(
  db: DbOrTx,
  change: { componentId: string; oldStatus: string; newStatus: string; at: string },
  now: Date,
  seen?: Sight,
): Promise<AlertSnapshot | null> {
  const sight = seen ?? (await publicSight(db));
  const page = await pageSnapshot(db, now, sight);
  // An archived component is gone from the page, a private one from the public's: nobody who cannot see it is told.
  const component = (await spComponents(db, page.id, sight)).find((c) => c.id === change.componentId && !c.group);
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
