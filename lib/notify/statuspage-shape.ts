import type { ComponentRow, IncidentRow, IncidentUpdateComponentRow, IncidentUpdateRow } from '@/lib/db/schema';

/** A component as Statuspage webhooks carry it. */
export function toStatuspageComponent(c: ComponentRow, pageId: string) {
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: c.created_at,
    updated_at: c.updated_at,
    position: c.position,
    description: c.description,
    showcase: c.showcase,
    start_date: c.start_date ? c.start_date.slice(0, 10) : null,
    group_id: c.group_id,
    page_id: pageId,
    group: false,
    only_show_if_degraded: c.only_show_if_degraded,
  };
}
export type StatuspageComponent = ReturnType<typeof toStatuspageComponent>;

/** An incident or maintenance with its updates (newest first) in the Statuspage webhook shape. */
export function toStatuspageIncident(input: {
  incident: IncidentRow;
  updates: readonly IncidentUpdateRow[];
  changes: readonly IncidentUpdateComponentRow[];
  components: readonly ComponentRow[];
  pageId: string;
  baseUrl: string;
}) {
  const { incident: i, pageId } = input;
  const names = new Map(input.components.map((c) => [c.id, c.name]));
  return {
    id: i.id,
    name: i.name,
    status: i.status,
    impact: i.kind === 'maintenance' ? 'maintenance' : i.impact,
    impact_override: i.impact_override,
    created_at: i.created_at,
    updated_at: i.updated_at,
    started_at: i.started_at,
    monitoring_at: i.monitoring_at,
    resolved_at: i.resolved_at,
    scheduled_for: i.scheduled_for,
    scheduled_until: i.scheduled_until,
    scheduled_auto_in_progress: i.auto_start,
    scheduled_auto_completed: i.auto_complete,
    postmortem_body: i.postmortem_body,
    postmortem_published_at: i.postmortem_published_at,
    shortlink: `${input.baseUrl}/incidents/${i.id}`,
    page_id: pageId,
    incident_updates: input.updates.map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      incident_id: u.incident_id,
      created_at: u.created_at,
      updated_at: u.updated_at,
      display_at: u.display_at,
      affected_components: input.changes
        .filter((c) => c.update_id === u.id)
        .map((c) => ({ code: c.component_id, name: names.get(c.component_id) ?? c.component_id, old_status: c.old_status, new_status: c.new_status })),
      deliver_notifications: u.deliver_notifications,
      custom_tweet: null,
      tweet_id: null,
    })),
    components: input.components.map((c) => toStatuspageComponent(c, pageId)),
  };
}
export type StatuspageIncident = ReturnType<typeof toStatuspageIncident>;
