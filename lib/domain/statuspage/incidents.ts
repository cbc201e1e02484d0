import { isoTime, isoTimeOrNull } from '@/lib/domain/statuspage/time';
import type {
  AffectedComponent,
  IncidentInput,
  SpComponent,
  SpIncident,
  SpIncidentUpdate,
  SpScheduledMaintenance,
  SpUpdateStatus,
  UpdateInput,
} from '@/lib/domain/statuspage/types';

/**
 * What the incident mapper needs from the edge that writes the incident: the v2 API and webhooks
 * pass their `SpComponent`s, the manage API its own component shape.
 */
export interface IncidentContext<C extends AffectedComponent = SpComponent> {
  pageId: string;
  baseUrl: string;
  /** Components by id; an id it does not know (an archived component) is left out of `components`. */
  components: { get(id: string): C | undefined };
  /** The name `affected_components` gives a component; the component's own name when not given. */
  componentName?: (id: string) => string | undefined;
}

/** Statuspage has no `cancelled`: a cancelled window is reported as completed, as it is over. */
export function spStatus(status: IncidentInput['status']): SpUpdateStatus {
  return status === 'cancelled' ? 'completed' : status;
}

const newestFirst = (a: UpdateInput, b: UpdateInput) =>
  Date.parse(b.display_at) - Date.parse(a.display_at) || Date.parse(b.created_at) - Date.parse(a.created_at);

/** One incident (or maintenance) in the v2 shape, updates newest first, affected components in full. */
export function toSpIncident<C extends AffectedComponent = SpComponent>(
  incident: IncidentInput,
  ctx: IncidentContext<C>,
): SpIncident<C> {
  const affected = incident.componentIds
    .map((id) => ctx.components.get(id))
    .filter((c): c is C => c !== undefined)
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const name = (id: string) => ctx.componentName?.(id) ?? ctx.components.get(id)?.name ?? 'Removed component';
  return {
    id: incident.id,
    name: incident.name,
    status: spStatus(incident.status),
    created_at: isoTime(incident.created_at),
    updated_at: isoTime(incident.updated_at),
    monitoring_at: isoTimeOrNull(incident.monitoring_at),
    resolved_at: isoTimeOrNull(incident.resolved_at),
    impact: incident.kind === 'maintenance' ? 'maintenance' : incident.impact,
    shortlink: `${ctx.baseUrl}/incidents/${incident.id}`,
    started_at: isoTime(incident.started_at),
    page_id: ctx.pageId,
    incident_updates: [...incident.updates].sort(newestFirst).map((u) => toSpUpdate(u, incident.id, name)),
    components: affected,
  };
}

/** A maintenance: the incident shape plus its window. */
export function toSpMaintenance<C extends AffectedComponent = SpComponent>(
  incident: IncidentInput,
  ctx: IncidentContext<C>,
): SpScheduledMaintenance<C> {
  return {
    ...toSpIncident(incident, ctx),
    scheduled_for: isoTime(incident.scheduled_for ?? incident.started_at),
    scheduled_until: isoTime(incident.scheduled_until ?? incident.scheduled_for ?? incident.started_at),
  };
}

function toSpUpdate(u: UpdateInput, incidentId: string, name: (id: string) => string): SpIncidentUpdate {
  return {
    id: u.id,
    status: spStatus(u.status),
    body: u.body,
    incident_id: incidentId,
    created_at: isoTime(u.created_at),
    updated_at: isoTime(u.updated_at),
    display_at: isoTime(u.display_at),
    // null, not [], when the update moved no component: as Statuspage sends it (manage API §8.2).
    affected_components:
      u.changes.length === 0
        ? null
        : u.changes.map((c) => ({
            code: c.component_id,
            name: name(c.component_id),
            old_status: c.old_status,
            new_status: c.new_status,
          })),
    deliver_notifications: u.deliver_notifications,
    custom_tweet: null,
    tweet_id: null,
  };
}
