import type { PageStatus } from '@/lib/domain/rollup';
import type { Locale } from '@/lib/i18n/locales';
import type { ComponentView, GroupView, HistoryView, IncidentDetailView, IncidentView, UpdateView } from '@/lib/services/views';

/**
 * The JSON documents Beacon's public pages revalidate from (SWR): what the v2 shape lacks, such as
 * the operator's markdown already rendered and sanitised. Types and paths only, so client
 * components can import this file.
 */
export const PAGE_DOC_PREFIX = '/api/page/';

/** Where each page document is served (from the snapshot store; an unknown id is a 404 from memory). */
export const PAGE_DOC = {
  overview: `${PAGE_DOC_PREFIX}overview.json`,
  history: `${PAGE_DOC_PREFIX}history.json`,
  incident: (id: string) => `${PAGE_DOC_PREFIX}incidents/${encodeURIComponent(id)}.json`,
} as const;

/** An update with its markdown rendered (sanitised HTML) in place of the source, and each translation's beside it. */
export interface LiveUpdate extends Omit<UpdateView, 'body' | 'translations'> {
  html: string;
  /** The text rendered in each language it was translated into; absent when there is none. */
  htmlIn?: Partial<Record<Locale, string>>;
}

/** An incident or maintenance as a list card shows it. */
export interface LiveIncident extends Omit<IncidentView, 'latestUpdate'> {
  latestUpdate: LiveUpdate | null;
}

/** `/`'s changing parts. Uptime bars are left out (they stay as the page rendered them). */
export interface OverviewDocument {
  timeZone: string;
  status: PageStatus;
  activeIncidents: LiveIncident[];
  activeMaintenance: LiveIncident[];
  upcomingMaintenance: LiveIncident[];
  groups: GroupView[];
  ungrouped: ComponentView[];
  recentDays: { key: string; incidents: IncidentView[] }[];
}

/** An incident page's changing parts: status, summary and the whole timeline. */
export interface IncidentDocument {
  timeZone: string;
  incident: Omit<IncidentDetailView, 'latestUpdate' | 'updates' | 'postmortem'> & {
    updates: LiveUpdate[];
    postmortem: { html: string; publishedAt: string } | null;
  };
}

/** The first history page (newest months, no component filter). */
export interface HistoryDocument {
  timeZone: string;
  months: HistoryView['months'];
  hasOlder: boolean;
}
