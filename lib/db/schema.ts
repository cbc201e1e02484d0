import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  ComponentStatus,
  Impact,
  IncidentKind,
  IncidentStatus,
  MaintenanceStatus,
} from '@/lib/domain/status';
import type { ChatPlatform } from '@/lib/domain/chat/alert';
import type { AudienceTables } from '@/lib/db/schema-audiences';
import type { NoticeTables } from '@/lib/db/schema-notices';
import type { IncidentFileTables } from '@/lib/db/schema-incident-files';
import type { PostmortemVisibility } from '@/lib/domain/postmortem-visibility';

/** Timestamps cross lib/db as ISO 8601 strings in UTC on both dialects. */
type Timestamp = string;

export interface PageSettingsTable {
  id: string;
  name: string;
  url: string | null;
  time_zone: string;
  logo_url: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Migration 011: every operator must use a second factor. */
  require_two_factor: Generated<boolean>;
  /** Migration 017: the language of unprefixed public URLs (lib/i18n/locales.ts). */
  locale: Generated<string>;
}

export interface ComponentGroupsTable {
  id: string;
  name: string;
  description: string | null;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ComponentsTable {
  id: string;
  group_id: string | null;
  name: string;
  description: string | null;
  position: number;
  status: ComponentStatus;
  showcase: boolean;
  only_show_if_degraded: boolean;
  start_date: Timestamp;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ComponentStatusIntervalsTable {
  id: Generated<number>;
  component_id: string;
  status: ComponentStatus;
  started_at: Timestamp;
  ended_at: Timestamp | null;
}

/** Incidents and scheduled maintenance share one table, as in Statuspage. */
export interface IncidentsTable {
  id: string;
  kind: IncidentKind;
  name: string;
  status: IncidentStatus | MaintenanceStatus;
  impact: Impact;
  impact_override: Impact | null;
  started_at: Timestamp;
  monitoring_at: Timestamp | null;
  resolved_at: Timestamp | null;
  scheduled_for: Timestamp | null;
  scheduled_until: Timestamp | null;
  auto_start: boolean;
  auto_complete: boolean;
  postmortem_body: string | null;
  postmortem_published_at: Timestamp | null;
  /** Whether publishing the postmortem alerted subscribers (its own switch). */
  postmortem_notify: boolean | null;
  /** Migration 022: who may read the postmortem (lib/domain/postmortem-visibility.ts). */
  postmortem_visibility: ColumnType<PostmortemVisibility, PostmortemVisibility | undefined, PostmortemVisibility>;
  incident_class: 'critical' | 'operational' | 'none' | null;
  /** { regions, deviceTypes, devices, notes } as JSON (jsonb on PostgreSQL). */
  scope: string | object | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface IncidentComponentsTable {
  incident_id: string;
  component_id: string;
}

export interface IncidentUpdatesTable {
  id: string;
  incident_id: string;
  status: IncidentStatus | MaintenanceStatus;
  body: string;
  display_at: Timestamp;
  deliver_notifications: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** When the text was last corrected (migration 010); null if never. */
  edited_at: Timestamp | null;
  /** When it was withdrawn as posted by mistake (migration 010): hidden from every public view. */
  withdrawn_at: Timestamp | null;
}

export interface IncidentUpdateComponentsTable {
  update_id: string;
  component_id: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

/**
 * An email or webhook subscriber. `token` and `confirm_token` hold SHA-256 hashes only: links are
 * derived from a server key (lib/notify/links.ts), so a row alone opens nothing.
 */
export interface SubscribersTable {
  id: string;
  kind: 'email' | 'webhook';
  email: string | null;
  url: string | null;
  state: 'pending' | 'active' | 'disabled' | 'unsubscribed';
  all_components: boolean;
  events: 'all' | 'start_and_resolution';
  maintenance: boolean;
  token: string;
  secret: string | null;
  confirm_token: string | null;
  confirm_expires_at: Timestamp | null;
  confirmed_at: Timestamp | null;
  failing_since: Timestamp | null;
  disabled_at: Timestamp | null;
  unsubscribed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** A chat channel (migration 014): a webhook subscriber posting in this platform's format; null for plain webhooks and email. */
  chat_platform: ChatPlatform | null;
  /** Migration 018: the language and IANA zone of this subscriber's emails; null = the page's. */
  locale: string | null;
  time_zone: string | null;
  /** Migration 024: the member this subscription belongs to (alerts follow their audiences' visibility); null for the public. */
  member_id: string | null;
}

export interface SubscriberComponentsTable {
  subscriber_id: string;
  component_id: string;
}

/** One announced event, keyed so that it is enqueued at most once; payload is a JSON snapshot. */
export interface NotificationEventsTable {
  id: string;
  type: string;
  incident_id: string | null;
  payload: string;
  created_at: Timestamp;
}

/** The outbox: one row per (subscriber, event); `queued` rows are due at `available_at`. */
export interface NotificationsTable {
  id: string;
  subscriber_id: string;
  event_id: string;
  channel: 'email' | 'webhook';
  state: 'queued' | 'delivered' | 'dead' | 'cancelled';
  attempts: number;
  available_at: Timestamp;
  lease_owner: string | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Incident id or `component:<id>`: alerts of one thread reach a subscriber in order. */
  thread: string | null;
  /** The alert event's order (alert_events.seq); null for subscription messages. */
  event_seq: number | null;
}

/** An alert to expand into outbox rows after commit: its audience and how far expansion got. */
export interface AlertEventsTable {
  seq: Generated<number>;
  event_id: string;
  kind: string;
  thread: string;
  /** JSON array of the component ids the alert touches (empty: everyone). */
  component_ids: string;
  /** The last subscriber id expanded; null before the first batch. */
  cursor: string | null;
  expanded_at: Timestamp | null;
  created_at: Timestamp;
  /** Migration 024: the viewer this variant is for (see lib/domain/alert-viewers.ts); null for the public event. */
  viewer: string | null;
  /** On the public event: JSON array of the viewers that got a variant of their own. */
  other_viewers: string | null;
}

export interface DeliveryAttemptsTable {
  id: Generated<number>;
  notification_id: string;
  attempt: number;
  worker: string;
  started_at: Timestamp;
  duration_ms: number;
  ok: boolean;
  status_code: number | null;
  response: string | null;
  error: string | null;
}

/** Mail kept in the database when no SMTP server is configured. */
export interface DevMailboxTable {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: string;
  created_at: Timestamp;
}

/** One row: bumped with every change the public page shows (see migration 004). */
export interface LiveVersionTable {
  id: number;
  version: number;
}

/** Who runs a job that must run once across instances (scheduler, retention), until when (migration 007). */
export interface JobLeasesTable {
  name: string;
  holder: string;
  expires_at: Timestamp;
  acquired_at: Timestamp;
}

/** Which object of an imported page (migration 014) became which row: `kind` is component, group, incident or update. */
export interface ImportMappingsTable {
  source: string;
  /** subscriber and template: read with a manage API key. */
  kind: 'component' | 'group' | 'incident' | 'update' | 'subscriber' | 'template';
  external_id: string;
  local_id: string;
  imported_at: Timestamp;
}

// --- system metrics (issue #17 part 4) ---
export interface SystemMetricsTable {
  id: string;
  name: string;
  metric_identifier: string;
  suffix: string;
  tooltip_description: string;
  /** average | sum | min | max | count: how points combine into one value per chart interval. */
  transform: string;
  decimal_places: number;
  y_axis_min: number | null;
  y_axis_max: number | null;
  y_axis_hidden: boolean;
  display: boolean;
  position: number;
  most_recent_data_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One point per 30-second slot; `at` in Unix seconds. */
export interface SystemMetricPointsTable {
  metric_id: string;
  at: number;
  value: number;
}

/** Points older than two days, folded into hours; `at` is the hour's start in Unix seconds. */
export interface SystemMetricRollupsTable {
  metric_id: string;
  at: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export type SystemMetricRow = Selectable<SystemMetricsTable>;
// --- end system metrics ---

/** Migration 018: one translated field of one entity in one language, beside the original. */
export interface ContentTranslationsTable {
  entity_type: 'incident' | 'incident_update' | 'component' | 'component_group' | 'incident_template';
  entity_id: string;
  locale: string;
  field: 'name' | 'description' | 'title' | 'body';
  value: string;
  updated_at: Timestamp;
}

export interface Database extends AudienceTables, NoticeTables, IncidentFileTables {
  content_translations: ContentTranslationsTable;
  operators: OperatorsTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  known_devices: KnownDevicesTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  incident_templates: IncidentTemplatesTable;
  page_settings: PageSettingsTable;
  component_groups: ComponentGroupsTable;
  components: ComponentsTable;
  component_status_intervals: ComponentStatusIntervalsTable;
  incidents: IncidentsTable;
  incident_components: IncidentComponentsTable;
  incident_updates: IncidentUpdatesTable;
  incident_update_components: IncidentUpdateComponentsTable;
  subscribers: SubscribersTable;
  subscriber_components: SubscriberComponentsTable;
  notification_events: NotificationEventsTable;
  notifications: NotificationsTable;
  alert_events: AlertEventsTable;
  delivery_attempts: DeliveryAttemptsTable;
  dev_mailbox: DevMailboxTable;
  live_version: LiveVersionTable;
  job_leases: JobLeasesTable;
  import_mappings: ImportMappingsTable;
  system_metrics: SystemMetricsTable;
  system_metric_points: SystemMetricPointsTable;
  system_metric_rollups: SystemMetricRollupsTable;
  // Migration 011 (safe sign-in).
  recovery_codes: RecoveryCodesTable;
  sign_in_challenges: SignInChallengesTable;
  password_resets: PasswordResetsTable;
  // Migration 016 (upstream components).
  upstream_sources: UpstreamSourcesTable;
  component_upstreams: ComponentUpstreamsTable;
  // Migration 015 (monitoring integrations).
  integrations: IntegrationsTable;
  integration_rules: IntegrationRulesTable;
  integration_alerts: IntegrationAlertsTable;
  integration_drafts: IntegrationDraftsTable;
}

/** One upstream page's summary.json: validators, next fetch, and the components it last listed (JSON). */
export interface UpstreamSourcesTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  page_name: string | null;
  page_url: string | null;
  components: string | null;
  fetched_at: Timestamp | null;
  next_fetch_at: Timestamp | null;
  last_error: string | null;
}

/** A component mirroring one component of an upstream page, and how reading it last went. */
export interface ComponentUpstreamsTable {
  component_id: string;
  url: string;
  upstream_component_id: string;
  upstream_component_name: string;
  page_name: string;
  page_url: string;
  notify_subscribers: boolean;
  last_success_at: Timestamp | null;
  last_error: string | null;
  last_error_at: Timestamp | null;
  /** When reading first failed in the current run of failures; null while reads succeed. */
  failing_since: Timestamp | null;
  /** Set (to `failing_since`) once failures outlast the grace period: the page says "unknown". */
  unknown_since: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type ComponentUpstreamRow = Selectable<ComponentUpstreamsTable>;
export type UpstreamSourceRow = Selectable<UpstreamSourcesTable>;

/** Columns SQLite stores as 0/1 and that must read back as booleans. */
export const BOOLEAN_COLUMNS = new Set([
  'showcase',
  'only_show_if_degraded',
  'auto_start',
  'auto_complete',
  'deliver_notifications',
  'postmortem_notify',
  'all_components',
  'maintenance',
  'ok',
  'y_axis_hidden',
  'resolve_proposed',
  'display',
  'require_two_factor',
  'notify_subscribers',
]);

export type PageSettings = Selectable<PageSettingsTable>;
export type ComponentGroupRow = Selectable<ComponentGroupsTable>;
export type ComponentRow = Selectable<ComponentsTable>;
export type NewComponent = Insertable<ComponentsTable>;
export type ComponentUpdate = Updateable<ComponentsTable>;
export type StatusIntervalRow = Selectable<ComponentStatusIntervalsTable>;
export type JobLeaseRow = Selectable<JobLeasesTable>;
export type IncidentRow = Selectable<IncidentsTable>;
export type IncidentUpdateRow = Selectable<IncidentUpdatesTable>;
export type IncidentUpdateComponentRow = Selectable<IncidentUpdateComponentsTable>;
export type SubscriberRow = Selectable<SubscribersTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type DeliveryAttemptRow = Selectable<DeliveryAttemptsTable>;
export type DevMailRow = Selectable<DevMailboxTable>;

export type OperatorRole = 'admin' | 'responder';

export interface OperatorsTable {
  id: string;
  email: string;
  name: string;
  role: OperatorRole;
  password_hash: string;
  /** Removed operators stay for the audit trail but can do nothing. */
  removed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  // Migration 011 (safe sign-in): the TOTP secret once enrolled, the one being enrolled, the
  // last time step accepted (a code works once) and the last successful sign-in.
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  last_sign_in_at: Timestamp | null;
}

/** A signed-in browser; `id` is the SHA-256 of the cookie's token, never the token itself. */
export interface SessionsTable {
  id: string;
  operator_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

/** One throttle counter (migration 005): a JSON state, compare-and-set on `version`, pruned after `expires_at` (epoch ms). */
export interface RateLimitsTable {
  key: string;
  state: string;
  version: number;
  expires_at: number;
}

/** A browser that signed in to an operator's account before: the SHA-256 of its cookie. */
export interface KnownDevicesTable {
  id: string;
  operator_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  key_hash: string;
  prefix: string;
  operator_id: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** JSON columns: jsonb on PostgreSQL, text on SQLite; written as JSON strings, read via parseJson. */
export type JsonColumn = string | object | null;

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_type: 'operator' | 'api_key' | 'system' | 'member';
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: JsonColumn;
  after: JsonColumn;
}

export interface IncidentTemplatesTable {
  id: string;
  name: string;
  title: string;
  body: string;
  status: IncidentStatus;
  component_ids: JsonColumn;
  /** Migration 010: the NOC class, scope and per-component statuses the composer fills in. */
  incident_class: 'critical' | 'operational' | 'none' | null;
  scope: JsonColumn;
  component_statuses: JsonColumn;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type OperatorRow = Selectable<OperatorsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type IncidentTemplateRow = Selectable<IncidentTemplatesTable>;

// --- Migration 011: safe sign-in ---------------------------------------------------------

/** A recovery code for an operator's second factor: its SHA-256 only; usable once. */
export interface RecoveryCodesTable {
  id: string;
  operator_id: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

/** A sign-in whose password was right, waiting for the second factor; `id` is the SHA-256 of its cookie. */
export interface SignInChallengesTable {
  id: string;
  operator_id: string;
  attempts: number;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** A one-time password-reset link; `id` is the SHA-256 of the link's token. */
export interface PasswordResetsTable {
  id: string;
  operator_id: string;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}
// --- end migration 011 -------------------------------------------------------------------

/** Migration 015: a monitoring source (Alertmanager or Grafana) and its hashed secret. */
export interface IntegrationsTable {
  id: string;
  kind: 'alertmanager' | 'grafana';
  name: string;
  secret_hash: string;
  flap_seconds: number;
  created_at: Timestamp;
}
/** Labels to match (JSON object) → a component or group and the status to set. */
export interface IntegrationRulesTable {
  id: string;
  integration_id: string;
  matchers: string;
  component_id: string | null;
  group_id: string | null;
  status: ComponentStatus;
  template_id: string | null;
  publish_after_minutes: number | null;
  created_at: Timestamp;
}
export interface IntegrationAlertsTable {
  integration_id: string;
  fingerprint: string;
  rule_id: string;
  state: 'firing' | 'resolved';
  applied_state: 'firing' | 'resolved' | null;
  applied_at: Timestamp | null;
  updated_at: Timestamp;
}
export interface IntegrationDraftsTable {
  id: string;
  integration_id: string;
  fingerprint: string;
  name: string;
  body: string;
  components: string;
  state: 'draft' | 'acknowledged' | 'published' | 'discarded';
  publish_at: Timestamp | null;
  incident_id: string | null;
  resolve_proposed: boolean;
  created_at: Timestamp;
}
export type IntegrationRow = Selectable<IntegrationsTable>;
export type IntegrationRuleRow = Selectable<IntegrationRulesTable>;
export type IntegrationDraftRow = Selectable<IntegrationDraftsTable>;
