import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  ComponentStatus,
  Impact,
  IncidentKind,
  IncidentStatus,
  MaintenanceStatus,
} from '@/lib/domain/status';

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

export interface Database {
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
}

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
  actor_type: 'operator' | 'api_key' | 'system';
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
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type OperatorRow = Selectable<OperatorsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type IncidentTemplateRow = Selectable<IncidentTemplatesTable>;
