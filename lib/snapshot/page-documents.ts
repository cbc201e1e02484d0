import { renderMarkdown } from '@/lib/render/markdown';
import type { HistoryView, IncidentDetailView, IncidentView, StatusPageView, UpdateView } from '@/lib/services/views';
import type {
  HistoryDocument,
  IncidentDocument,
  LiveIncident,
  LiveUpdate,
  OverviewDocument,
} from '@/lib/snapshot/page-document-types';

/** An update with its markdown rendered once, on the server (client components cannot sanitise), translations too. */
export function toLiveUpdate({ body, translations, ...update }: UpdateView): LiveUpdate {
  const htmlIn = Object.fromEntries(
    Object.entries(translations ?? {}).flatMap(([locale, fields]) => (fields?.body?.trim() ? [[locale, renderMarkdown(fields.body)]] : [])),
  ) as LiveUpdate['htmlIn'];
  return { ...update, html: renderMarkdown(body), ...(htmlIn && Object.keys(htmlIn).length > 0 ? { htmlIn } : {}) };
}

/**
 * An incident's list fields only: the views are built with every update attached, which a list
 * entry does not show and the document should not carry.
 */
function toSummary(incident: IncidentView): IncidentView {
  const { id, kind, name, status, impact, startedAt, resolvedAt, scheduledFor, scheduledUntil, durationMs, components } = incident;
  const summary: IncidentView = { id, kind, name, status, impact, startedAt, resolvedAt, scheduledFor, scheduledUntil, durationMs, components, latestUpdate: null };
  // Only a member's view has `privateTo`; only a translated title has `translations`.
  return {
    ...summary,
    ...(incident.translations ? { translations: incident.translations } : {}),
    ...(incident.privateTo ? { privateTo: incident.privateTo } : {}),
  };
}

function toLiveIncident(incident: IncidentView): LiveIncident {
  return { ...toSummary(incident), latestUpdate: incident.latestUpdate ? toLiveUpdate(incident.latestUpdate) : null };
}

/** `/`'s page document from the view the page renders; uptime bars are left out. */
export function overviewDocument(view: StatusPageView): OverviewDocument {
  const noBars = <T extends { uptime: unknown }>(c: T): T => ({ ...c, uptime: null });
  return {
    timeZone: view.page.timeZone,
    status: view.status,
    activeIncidents: view.activeIncidents.map(toLiveIncident),
    activeMaintenance: view.activeMaintenance.map(toLiveIncident),
    upcomingMaintenance: view.upcomingMaintenance.map(toLiveIncident),
    groups: view.groups.map((g) => ({ ...g, components: g.components.map(noBars) })),
    ungrouped: view.ungrouped.map(noBars),
    recentDays: view.recentDays.map((d) => ({ key: d.key, incidents: d.incidents.map(toSummary) })),
  };
}

/** An incident page's document: the incident with every update and its postmortem rendered. */
export function incidentDocument(incident: IncidentDetailView, timeZone: string): IncidentDocument {
  const { latestUpdate: _latest, updates, postmortem, ...summary } = incident;
  return {
    timeZone,
    incident: {
      ...summary,
      updates: updates.map(toLiveUpdate),
      postmortem: postmortem ? { html: renderMarkdown(postmortem.body), publishedAt: postmortem.publishedAt } : null,
    },
  };
}

/** The first history page's document. */
export function historyDocument(view: HistoryView): HistoryDocument {
  return {
    timeZone: view.page.timeZone,
    months: view.months.map((m) => ({ ...m, incidents: m.incidents.map(toSummary) })),
    hasOlder: view.hasOlder,
  };
}
