import type { PageStatus } from '@/lib/domain/rollup';
import type {
  ComponentStatus,
  Impact,
  IncidentKind,
  IncidentStatus,
  MaintenanceStatus,
} from '@/lib/domain/status';

/** The stored facts the Statuspage documents are built from (rows, as plain data). */
export interface StatuspageData {
  settings: { id: string; name: string; url: string | null; time_zone: string; updated_at: string };
  /** Canonical base URL of this install, without a trailing slash. */
  baseUrl: string;
  groups: readonly GroupInput[];
  components: readonly ComponentInput[];
  /** Incidents and maintenance with their updates; the mappers pick and order them. */
  incidents: readonly IncidentInput[];
}

export interface GroupInput {
  id: string;
  name: string;
  description: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface ComponentInput {
  id: string;
  group_id: string | null;
  name: string;
  description: string | null;
  position: number;
  status: ComponentStatus;
  showcase: boolean;
  only_show_if_degraded: boolean;
  start_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface UpdateInput {
  id: string;
  status: IncidentStatus | MaintenanceStatus;
  body: string;
  display_at: string;
  deliver_notifications: boolean;
  created_at: string;
  updated_at: string;
  changes: readonly { component_id: string; old_status: ComponentStatus; new_status: ComponentStatus }[];
}

export interface IncidentInput {
  id: string;
  kind: IncidentKind;
  name: string;
  status: IncidentStatus | MaintenanceStatus;
  impact: Impact;
  impact_override: Impact | null;
  started_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  scheduled_for: string | null;
  scheduled_until: string | null;
  auto_start: boolean;
  auto_complete: boolean;
  /** A draft until `postmortem_published_at` is set; drafts are never shown. */
  postmortem_body: string | null;
  postmortem_published_at: string | null;
  created_at: string;
  updated_at: string;
  componentIds: readonly string[];
  /** Any order; the mapper puts them newest first. */
  updates: readonly UpdateInput[];
}

/** `page` as every v2 document carries it. */
export interface SpPage {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

/** A v2 component; groups carry `group: true` and the ids of their children. */
export interface SpComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  components?: string[];
}

export type SpUpdateStatus = IncidentStatus | Exclude<MaintenanceStatus, 'cancelled'>;

export interface SpIncidentUpdate {
  id: string;
  status: SpUpdateStatus;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: { code: string; name: string; old_status: ComponentStatus; new_status: ComponentStatus }[] | null;
  deliver_notifications: boolean;
  custom_tweet: null;
  tweet_id: null;
}

/** What an edge must give the mapper for each affected component it writes. */
export interface AffectedComponent {
  name: string;
  position: number;
}

/** An incident; `C` is the component shape of the edge (v2 and webhooks: `SpComponent`). */
export interface SpIncident<C extends AffectedComponent = SpComponent> {
  id: string;
  name: string;
  status: SpUpdateStatus;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: Impact | 'maintenance';
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: SpIncidentUpdate[];
  components: C[];
}

export interface SpScheduledMaintenance<C extends AffectedComponent = SpComponent> extends SpIncident<C> {
  scheduled_for: string;
  scheduled_until: string;
}

export type SpStatus = PageStatus;
