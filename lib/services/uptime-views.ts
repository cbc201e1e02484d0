import type { Translations } from '@/lib/domain/localize';
import type { Impact, ComponentStatus, IncidentKind } from '@/lib/domain/status';
import type { UptimeFigure, UptimeRule } from '@/lib/domain/uptime';
import type { UptimePeriod } from '@/lib/domain/uptime-periods';
import type { IncidentView, PageView, UpstreamView } from '@/lib/services/views';

/** An uptime figure for a named stretch of time (a month, a quarter, a year, a whole report). */
export interface FigureView extends UptimeFigure {
  key: string;
  label: string;
}

/** One day of the component page's calendar, with what happened that day. */
export interface CalendarDayView {
  key: string;
  /** In [0, 1]; null before the component existed, after today, or with no history that day. */
  uptime: number | null;
  /** The day's figure as the page prints it (floored, as every figure). */
  percent: number | null;
  majorMs: number;
  partialMs: number;
  maintenanceMs: number;
  degradedMs: number;
  incidents: { id: string; name: string; impact: Impact; kind: IncidentKind; translations?: Translations }[];
}

export interface CalendarMonthView {
  key: string;
  label: string;
  /** Weekday of the 1st, Monday = 0: the cells to leave empty before it. */
  offset: number;
  days: CalendarDayView[];
}

/** What `/components/<id>` shows, for a component or a group (over its components). */
export interface ComponentPageView {
  page: PageView;
  target: {
    kind: 'component' | 'group';
    id: string;
    name: string;
    description: string | null;
    /** The operator's translations of the name and description, when there are any. */
    translations?: Translations;
    status: ComponentStatus;
    group: { id: string; name: string; translations?: Translations } | null;
    members: { id: string; name: string; status: ComponentStatus; translations?: Translations }[];
    startDate: string;
    /** Set when the component follows another status page ("third-party"). */
    upstream?: UpstreamView;
  };
  rule: UptimeRule;
  calendar: CalendarMonthView[];
  months: FigureView[];
  quarters: FigureView[];
  years: FigureView[];
  incidents: IncidentView[];
  generatedAt: string;
}

/** A component of the SLA report with its group, each with the operator's translations when there are any. */
export interface ReportComponentView {
  id: string;
  name: string;
  groupName: string | null;
  translations?: Translations;
  groupTranslations?: Translations;
}

/** What `/uptime` shows and downloads: availability per component and month of a period. */
export interface UptimeReportView {
  page: PageView;
  period: UptimePeriod;
  rule: UptimeRule;
  months: { key: string; label: string }[];
  rows: (ReportComponentView & { months: FigureView[]; total: FigureView })[];
  /** Every component a reader can choose, in page order. */
  choices: ReportComponentView[];
  generatedAt: string;
}
