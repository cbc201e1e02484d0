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

export interface Database {
  page_settings: PageSettingsTable;
  component_groups: ComponentGroupsTable;
  components: ComponentsTable;
  component_status_intervals: ComponentStatusIntervalsTable;
  incidents: IncidentsTable;
  incident_components: IncidentComponentsTable;
  incident_updates: IncidentUpdatesTable;
  incident_update_components: IncidentUpdateComponentsTable;
}

/** Columns SQLite stores as 0/1 and that must read back as booleans. */
export const BOOLEAN_COLUMNS = new Set([
  'showcase',
  'only_show_if_degraded',
  'auto_start',
  'auto_complete',
  'deliver_notifications',
]);

export type PageSettings = Selectable<PageSettingsTable>;
export type ComponentGroupRow = Selectable<ComponentGroupsTable>;
export type ComponentRow = Selectable<ComponentsTable>;
export type NewComponent = Insertable<ComponentsTable>;
export type ComponentUpdate = Updateable<ComponentsTable>;
export type StatusIntervalRow = Selectable<ComponentStatusIntervalsTable>;
export type IncidentRow = Selectable<IncidentsTable>;
export type IncidentUpdateRow = Selectable<IncidentUpdatesTable>;
export type IncidentUpdateComponentRow = Selectable<IncidentUpdateComponentsTable>;
