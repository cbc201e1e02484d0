import type {
  ComponentGroupRow,
  ComponentRow,
  IncidentRow,
  IncidentUpdateComponentRow,
  IncidentUpdateRow,
} from '@/lib/db/schema';

/** Statuspage has no "cancelled": a cancelled maintenance reads as completed, as it is over. */
function statuspageStatus(status: string): string {
  return status === 'cancelled' ? 'completed' : status;
}

/** A component in the manage API v1 shape (§8.3). */
export function toManageComponent(c: ComponentRow, pageId: string) {
  return {
    id: c.id,
    page_id: pageId,
    group_id: c.group_id,
    group: false,
    name: c.name,
    description: c.description,
    position: c.position,
    status: c.status,
    showcase: c.showcase,
    only_show_if_degraded: c.only_show_if_degraded,
    automation_email: null,
    start_date: c.start_date ? c.start_date.slice(0, 10) : null,
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}
export type ManageComponent = ReturnType<typeof toManageComponent>;

/** The container entry a group has in GET /components (`group: true`, members listed). */
export function toManageGroupEntry(g: ComponentGroupRow, memberIds: readonly string[], worst: string, pageId: string) {
  return {
    id: g.id,
    page_id: pageId,
    group_id: null,
    group: true,
    name: g.name,
    description: g.description,
    position: g.position,
    status: worst,
    showcase: false,
    only_show_if_degraded: false,
    automation_email: null,
    start_date: null,
    created_at: g.created_at,
    updated_at: g.updated_at,
    components: [...memberIds],
  };
}

/** A component group in the manage API v1 shape (§8.4): members as ids, position an integer. */
export function toManageGroup(g: ComponentGroupRow, memberIds: readonly string[], pageId: string) {
  return {
    id: g.id,
    page_id: pageId,
    name: g.name,
    description: g.description,
    components: [...memberIds],
    position: g.position,
    created_at: g.created_at,
    updated_at: g.updated_at,
  };
}
export type ManageGroup = ReturnType<typeof toManageGroup>;

export interface IncidentData {
  incident: IncidentRow;
  /** Newest first. */
  updates: readonly IncidentUpdateRow[];
  changes: readonly IncidentUpdateComponentRow[];
  affectedIds: readonly string[];
}

export interface Catalogue {
  components: ReadonlyMap<string, ComponentRow>;
  groups: ReadonlyMap<string, ComponentGroupRow>;
}

/** "Group - Component" for grouped components, as Statuspage names them in affected_components. */
function displayName(id: string, catalogue: Catalogue): string {
  const c = catalogue.components.get(id);
  if (!c) return 'Removed component';
  const group = c.group_id ? catalogue.groups.get(c.group_id) : undefined;
  return group ? `${group.name} - ${c.name}` : c.name;
}

/** An incident or maintenance in the manage API v1 shape (§8.1), updates newest first. */
export function toManageIncident(data: IncidentData, catalogue: Catalogue, pageId: string, baseUrl: string) {
  const i = data.incident;
  const maintenance = i.kind === 'maintenance';
  const affected = data.affectedIds
    .map((id) => catalogue.components.get(id))
    .filter((c): c is ComponentRow => c !== undefined)
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  // Beacon always moves a maintenance's components at its edges and notifies then.
  const autoFlag = maintenance ? true : null;
  return {
    id: i.id,
    page_id: pageId,
    name: i.name,
    status: statuspageStatus(i.status),
    impact: maintenance ? 'maintenance' : i.impact,
    impact_override: i.impact_override,
    created_at: i.created_at,
    updated_at: i.updated_at,
    started_at: i.started_at,
    monitoring_at: i.monitoring_at,
    resolved_at: i.resolved_at,
    shortlink: `${baseUrl}/incidents/${i.id}`,
    backfilled: false,
    metadata: {},
    reminder_intervals: null,
    postmortem_body: i.postmortem_published_at ? i.postmortem_body : null,
    postmortem_body_last_updated_at: i.postmortem_published_at,
    postmortem_ignored: false,
    postmortem_notified_subscribers: false,
    postmortem_notified_twitter: false,
    postmortem_published_at: i.postmortem_published_at,
    scheduled_for: i.scheduled_for,
    scheduled_until: i.scheduled_until,
    scheduled_remind_prior: maintenance,
    scheduled_reminded_at: null,
    scheduled_auto_in_progress: i.auto_start,
    scheduled_auto_completed: i.auto_complete,
    auto_transition_to_maintenance_state: autoFlag,
    auto_transition_to_operational_state: autoFlag,
    auto_transition_deliver_notifications_at_start: autoFlag,
    auto_transition_deliver_notifications_at_end: autoFlag,
    components: affected.map((c) => toManageComponent(c, pageId)),
    incident_updates: data.updates.map((u) => {
      const changed = data.changes.filter((c) => c.update_id === u.id);
      return {
        id: u.id,
        incident_id: u.incident_id,
        status: statuspageStatus(u.status),
        body: u.body,
        created_at: u.created_at,
        updated_at: u.updated_at,
        display_at: u.display_at,
        deliver_notifications: u.deliver_notifications,
        wants_twitter_update: false,
        twitter_updated_at: null,
        tweet_id: null,
        custom_tweet: null,
        affected_components:
          changed.length === 0
            ? null
            : changed.map((c) => ({
                code: c.component_id,
                name: displayName(c.component_id, catalogue),
                old_status: c.old_status,
                new_status: c.new_status,
              })),
      };
    }),
    incident_impacts: [],
  };
}
export type ManageIncident = ReturnType<typeof toManageIncident>;

/** An incident template (§8.7); its components as full objects. */
export function toManageTemplate(
  t: { id: string; name: string; title: string; body: string; status: string; componentIds: readonly string[] },
  catalogue: Catalogue,
  pageId: string,
) {
  return {
    id: t.id,
    name: t.name,
    title: t.title,
    body: t.body,
    group_id: null,
    update_status: t.status,
    should_tweet: false,
    should_send_notifications: true,
    components: t.componentIds
      .map((id) => catalogue.components.get(id))
      .filter((c): c is ComponentRow => c !== undefined)
      .map((c) => toManageComponent(c, pageId)),
  };
}

/** Beacon's subscriber states in Statuspage's words: pending reads unconfirmed, disabled quarantined. */
export const SUBSCRIBER_STATE_V1 = { active: 'active', pending: 'unconfirmed', disabled: 'quarantined', unsubscribed: 'unsubscribed' } as const;

/** A subscriber (§8.6): `components` null when it follows the whole page. */
export function toManageSubscriber(
  s: {
    id: string;
    kind: 'email' | 'webhook';
    email: string | null;
    url: string | null;
    all_components: boolean;
    disabled_at: string | null;
    created_at: string;
  },
  componentIds: readonly string[],
) {
  return {
    id: s.id,
    mode: s.kind,
    email: s.email,
    endpoint: s.kind === 'webhook' ? s.url : null,
    phone_number: null,
    phone_country: null,
    display_phone_number: null,
    obfuscated_channel_name: null,
    workspace_name: null,
    skip_confirmation_notification: false,
    quarantined_at: s.disabled_at,
    purge_at: null,
    components: s.all_components ? null : [...componentIds],
    page_access_user_id: null,
    created_at: s.created_at,
  };
}

/** The page (§8.5) from Beacon's settings; features Beacon lacks read as off or null. */
export function toManagePage(
  p: { id: string; name: string; url: string | null; time_zone: string; created_at: string; updated_at: string },
  baseUrl: string,
) {
  const url = p.url ?? baseUrl;
  return {
    id: p.id,
    name: p.name,
    created_at: p.created_at,
    updated_at: p.updated_at,
    page_description: null,
    headline: null,
    branding: 'basic',
    subdomain: new URL(url).hostname.split('.')[0] ?? p.id,
    domain: new URL(url).hostname,
    url,
    support_url: null,
    hidden_from_search: false,
    allow_page_subscribers: true,
    allow_incident_subscribers: false,
    allow_email_subscribers: true,
    allow_sms_subscribers: false,
    allow_rss_atom_feeds: true,
    allow_webhook_subscribers: true,
    notifications_from_email: null,
    notifications_email_footer: null,
    activity_score: 0,
    twitter_username: null,
    viewers_must_be_team_members: false,
    ip_restrictions: null,
    city: null,
    state: null,
    country: null,
    time_zone: p.time_zone,
  };
}
