import type { Translations } from '@/lib/domain/localize';
import type { DayUptime } from '@/lib/domain/uptime';
import type { PageStatus } from '@/lib/domain/rollup';
import type {
  ComponentStatus,
  Impact,
  IncidentKind,
  IncidentStatus,
  MaintenanceStatus,
} from '@/lib/domain/status';

/** What the public pages render; plain data, no database types. */
export interface PageView {
  id: string;
  name: string;
  logoUrl: string | null;
  timeZone: string;
}

export interface UpdateView {
  id: string;
  status: IncidentStatus | MaintenanceStatus;
  body: string;
  displayAt: string;
  /** When the text was last corrected; shown as an "edited" mark. */
  editedAt?: string | null;
  changes: { componentId: string; componentName: string; oldStatus: ComponentStatus; newStatus: ComponentStatus }[];
  /** Issue #15: the text in other languages (`{ de: { body } }`); absent when there is none. Resolve with lib/domain/localize. */
  translations?: Translations;
}

export interface IncidentView {
  id: string;
  kind: IncidentKind;
  name: string;
  status: IncidentStatus | MaintenanceStatus;
  impact: Impact;
  startedAt: string;
  resolvedAt: string | null;
  scheduledFor: string | null;
  scheduledUntil: string | null;
  durationMs: number | null;
  components: { id: string; name: string }[];
  latestUpdate: UpdateView | null;
  /** Issue #15: the title in other languages (`{ de: { name } }`); absent when there is none. */
  translations?: Translations;
  /** Audiences (of the reader's) this incident is limited to; absent when it is public. */
  privateTo?: string[];
}

export interface IncidentDetailView extends IncidentView {
  updates: UpdateView[];
  postmortem: { body: string; publishedAt: string } | null;
}

export interface UptimeDayView extends DayUptime {
  incidents: { id: string; name: string; impact: Impact }[];
}

export interface ComponentView {
  id: string;
  name: string;
  description: string | null;
  status: ComponentStatus;
  uptime: { percent: number | null; days: UptimeDayView[] } | null;
  /** Issue #15: name and description in other languages; absent when there is none. */
  translations?: Translations;
  /** Audiences (of the reader's) this component is limited to; absent when it is public. */
  privateTo?: string[];
  /** Set when the component follows another status page ("third-party"). */
  upstream?: UpstreamView;
}

/** A third-party page a component follows: its name, a link, and since when its status is unknown. */
export interface UpstreamView {
  pageName: string;
  pageUrl: string;
  unknownSince: string | null;
}

export interface GroupView {
  id: string;
  name: string;
  description: string | null;
  status: ComponentStatus;
  components: ComponentView[];
  /** Issue #15: the group's name in other languages; absent when there is none. */
  translations?: Translations;
}

export interface StatusPageView {
  page: PageView;
  status: PageStatus;
  activeIncidents: IncidentView[];
  activeMaintenance: IncidentView[];
  upcomingMaintenance: IncidentView[];
  groups: GroupView[];
  ungrouped: ComponentView[];
  recentDays: { key: string; start: string; incidents: IncidentView[] }[];
  generatedAt: string;
}

export interface HistoryView {
  page: PageView;
  pageNumber: number;
  months: { key: string; label: string; incidents: IncidentView[] }[];
  hasOlder: boolean;
  components: { id: string; name: string; groupName: string | null }[];
  componentFilter: { id: string; name: string } | null;
}
