import { UPDATE_STATUS_LABEL } from '@/lib/domain/status';
import type { SpIncident, SpScheduledMaintenance } from '@/lib/domain/statuspage/types';
import { xmlEscape } from '@/lib/domain/feeds/xml';

/** How many incidents and maintenance the history feeds carry. */
export const FEED_LIMIT = 50;

/** Incidents and maintenance together, newest start first, capped at FEED_LIMIT. */
export function historyItems(
  incidents: readonly SpIncident[],
  maintenance: readonly SpScheduledMaintenance[],
): SpIncident[] {
  return [...incidents, ...maintenance]
    .sort((a, b) => Date.parse(b.started_at) - Date.parse(a.started_at) || a.id.localeCompare(b.id))
    .slice(0, FEED_LIMIT);
}

/** The item's updates as HTML, newest first, as Statuspage's feeds show them. */
export function updatesHtml(item: SpIncident, timeZone: string): string {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return item.incident_updates
    .map(
      (u) =>
        `<p><small>${xmlEscape(fmt.format(new Date(u.display_at)))}</small><br><strong>${
          UPDATE_STATUS_LABEL[u.status]
        }</strong> - ${xmlEscape(u.body).replace(/\n/g, '<br>')}</p>`,
    )
    .join('');
}

/** The time the item last changed, for feed `updated` fields. */
export function lastChanged(item: SpIncident): string {
  const times = [item.updated_at, ...item.incident_updates.map((u) => u.display_at)].map((t) => Date.parse(t));
  return new Date(Math.max(...times)).toISOString();
}
