import { isoTime, isoTimeOrNull } from '@/lib/domain/statuspage/time';
import type {
  IncidentInput,
  SpComponent,
  SpIncident,
  SpIncidentUpdate,
  SpScheduledMaintenance,
  SpUpdateStatus,
  UpdateInput,
} from '@/lib/domain/statuspage/types';

/** Statuspage has no `cancelled`: a cancelled window is reported as completed. */
function spStatus(status: IncidentInput['status']): SpUpdateStatus {
  return status === 'cancelled' ? 'completed' : status;
}

const newestFirst = (a: UpdateInput, b: UpdateInput) =>
  Date.parse(b.display_at) - Date.parse(a.display_at) || Date.parse(b.created_at) - Date.parse(a.created_at);

/** One incident (or maintenance) in the v2 shape, updates newest first, affected components in full. */
export function toSpIncident(
  incident: IncidentInput,
  ctx: { pageId: string; baseUrl: string; components: ReadonlyMap<string, SpComponent> },
): SpIncident {
  const affected = incident.componentIds
    .map((id) => ctx.components.get(id))
    .filter((c): c is SpComponent => c !== undefined)
    .sort((a, b) => a.position - b.position);
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
    incident_updates: [...incident.updates].sort(newestFirst).map((u) => toSpUpdate(u, incident.id, ctx.components)),
    components: affected,
  };
}

/** A maintenance: the incident shape plus its window. */
export function toSpMaintenance(
  incident: IncidentInput,
  ctx: { pageId: string; baseUrl: string; components: ReadonlyMap<string, SpComponent> },
): SpScheduledMaintenance {
  return {
    ...toSpIncident(incident, ctx),
    scheduled_for: isoTime(incident.scheduled_for ?? incident.started_at),
    scheduled_until: isoTime(incident.scheduled_until ?? incident.scheduled_for ?? incident.started_at),
  };
}

function toSpUpdate(u: UpdateInput, incidentId: string, components: ReadonlyMap<string, SpComponent>): SpIncidentUpdate {
  return {
    id: u.id,
    status: spStatus(u.status),
    body: u.body,
    incident_id: incidentId,
    created_at: isoTime(u.created_at),
    updated_at: isoTime(u.updated_at),
    display_at: isoTime(u.display_at),
    affected_components:
      u.changes.length === 0
        ? null
        : u.changes.map((c) => ({
            code: c.component_id,
            name: components.get(c.component_id)?.name ?? 'Removed component',
            old_status: c.old_status,
            new_status: c.new_status,
          })),
    deliver_notifications: u.deliver_notifications,
    custom_tweet: null,
    tweet_id: null,
  };
}
