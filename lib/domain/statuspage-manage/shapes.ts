import { toSpFullIncident } from '@/lib/domain/statuspage/full-incident';
import { isoDate, isoTime } from '@/lib/domain/statuspage/time';
import type { ComponentInput, GroupInput, IncidentInput } from '@/lib/domain/statuspage/types';

/** A component in the manage API v1 shape (§8.3). */
export function toManageComponent(c: ComponentInput, pageId: string) {
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
    start_date: isoDate(c.start_date),
    created_at: isoTime(c.created_at),
    updated_at: isoTime(c.updated_at),
  };
}
export type ManageComponent = ReturnType<typeof toManageComponent>;

/** The container entry a group has in GET /components (`group: true`, members listed). */
export function toManageGroupEntry(g: GroupInput, memberIds: readonly string[], worst: string, pageId: string) {
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
    created_at: isoTime(g.created_at),
    updated_at: isoTime(g.updated_at),
    components: [...memberIds],
  };
}

/** A component group in the manage API v1 shape (§8.4): members as ids, position an integer. */
export function toManageGroup(g: GroupInput, memberIds: readonly string[], pageId: string) {
  return {
    id: g.id,
    page_id: pageId,
    name: g.name,
    description: g.description,
    components: [...memberIds],
    position: g.position,
    created_at: isoTime(g.created_at),
    updated_at: isoTime(g.updated_at),
  };
}
export type ManageGroup = ReturnType<typeof toManageGroup>;

/** What the manage shapes look components and groups up in: every component, archived ones too. */
export interface Catalogue {
  components: ReadonlyMap<string, ComponentInput>;
  groups: ReadonlyMap<string, GroupInput>;
}

/** "Group - Component" for grouped components, as Statuspage names them in affected_components. */
function displayName(id: string, catalogue: Catalogue): string {
  const c = catalogue.components.get(id);
  if (!c) return 'Removed component';
  const group = c.group_id ? catalogue.groups.get(c.group_id) : undefined;
  return group ? `${group.name} - ${c.name}` : c.name;
}

/**
 * An incident or maintenance in the manage API v1 shape (§8.1): the webhook incident (the v2
 * incident plus its webhook fields) with the manage API's own additions. Two differences from v2
 * are kept as the reference has them: components carry their stored position and
 * `automation_email` (§8.3), and affected_components name grouped components "Group - Component"
 * (§8.2, observed in manage API data; the v2 and webhook references show the plain name).
 */
export function toManageIncident(incident: IncidentInput, catalogue: Catalogue, pageId: string, baseUrl: string) {
  const full = toSpFullIncident(incident, {
    pageId,
    baseUrl,
    components: {
      get: (id: string) => {
        const c = catalogue.components.get(id);
        return c && toManageComponent(c, pageId);
      },
    },
    componentName: (id) => displayName(id, catalogue),
  });
  // Beacon always moves a maintenance's components at its edges and notifies then.
  const autoFlag = incident.kind === 'maintenance' ? true : null;
  return {
    ...full,
    metadata: {},
    reminder_intervals: null,
    auto_transition_to_maintenance_state: autoFlag,
    auto_transition_to_operational_state: autoFlag,
    auto_transition_deliver_notifications_at_start: autoFlag,
    auto_transition_deliver_notifications_at_end: autoFlag,
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
      .filter((c): c is ComponentInput => c !== undefined)
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
