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
  changes: { componentId: string; componentName: string; oldStatus: ComponentStatus; newStatus: ComponentStatus }[];
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
}

export interface GroupView {
  id: string;
  name: string;
  description: string | null;
  status: ComponentStatus;
  components: ComponentView[];
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
