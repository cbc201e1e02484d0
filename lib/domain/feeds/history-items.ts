import { UPDATE_STATUS_LABEL } from '@/lib/domain/status';
import type { SpIncident, SpScheduledMaintenance } from '@/lib/domain/statuspage/types';
import { renderMarkdown } from '@/lib/render/markdown';
import { xmlEscape } from '@/lib/domain/feeds/xml';

/** How many incidents and maintenance the history feeds carry. */
export const FEED_LIMIT = 50;

/** One feed entry: the item, when it was posted and when it last changed (neither in the future). */
export interface FeedItem {
  item: SpIncident | SpScheduledMaintenance;
  kind: 'incident' | 'maintenance';
  published: Date;
  updated: Date;
}

const isMaintenance = (item: SpIncident): item is SpScheduledMaintenance => 'scheduled_for' in item;

/**
 * Incidents and maintenance together, newest post first, capped at FEED_LIMIT. Dated by when they
 * were posted, not when they start: an upcoming window is news the day it is announced, and a feed
 * reader sorts by these dates, so none may lie in the future. `updated` is never before `published`.
 */
export function feedItems(
  incidents: readonly SpIncident[],
  maintenance: readonly SpScheduledMaintenance[],
  now: Date,
): FeedItem[] {
  const cap = now.getTime();
  return [...incidents, ...maintenance]
    .map((item) => {
      const published = Math.min(cap, Date.parse(item.created_at));
      const changed = [item.updated_at, ...item.incident_updates.map((u) => u.created_at)].map((t) => Date.parse(t));
      const updated = Math.min(cap, Math.max(published, ...changed));
      return {
        item,
        kind: isMaintenance(item) ? ('maintenance' as const) : ('incident' as const),
        published: new Date(published),
        updated: new Date(updated),
      };
    })
    .sort((a, b) => b.published.getTime() - a.published.getTime() || a.item.id.localeCompare(b.item.id))
    .slice(0, FEED_LIMIT);
}

/** Formatters by time zone: making one costs far more than formatting (hundreds per feed build). */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The instant with its zone named, in the page's time zone (e.g. "6 Sept 2026, 03:00 CEST"). */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone);
  if (!fmt) formatters.set(timeZone, (fmt = newFormatter(timeZone)));
  return fmt;
}

function newFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

/** "Scheduled for <start> – <end>" for a window that has not begun, else undefined. */
export function scheduledWindow(item: SpIncident, timeZone: string): string | undefined {
  if (!isMaintenance(item) || item.status !== 'scheduled') return undefined;
  const fmt = formatter(timeZone);
  return `Scheduled for ${fmt.format(new Date(item.scheduled_for))} – ${fmt.format(new Date(item.scheduled_until))}`;
}

/**
 * The item's updates as HTML, newest first, as Statuspage's feeds show them: each body rendered
 * from markdown by the page's one sanitizer, so a reader shows what the page shows and runs nothing.
 */
export function updatesHtml(item: SpIncident, timeZone: string): string {
  const fmt = formatter(timeZone);
  const window = scheduledWindow(item, timeZone);
  const updates = item.incident_updates.map(
    (u) =>
      `<p><small>${xmlEscape(fmt.format(new Date(u.display_at)))}</small><br><strong>${
        UPDATE_STATUS_LABEL[u.status]
      }</strong></p>${renderMarkdown(u.body)}`,
  );
  return [window ? `<p><strong>${xmlEscape(window)}</strong></p>` : '', ...updates].join('');
}
