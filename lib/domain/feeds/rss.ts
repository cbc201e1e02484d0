import { historyItems, lastChanged, updatesHtml } from '@/lib/domain/feeds/history-items';
import { xmlEscape } from '@/lib/domain/feeds/xml';
import type { SpIncident, SpPage, SpScheduledMaintenance } from '@/lib/domain/statuspage/types';

/** RSS 2.0 of the page's incident and maintenance history, absolute links from `baseUrl`. */
export function historyRss(input: {
  page: SpPage;
  baseUrl: string;
  incidents: readonly SpIncident[];
  maintenance: readonly SpScheduledMaintenance[];
  now: Date;
}): string {
  const { page, baseUrl } = input;
  const items = historyItems(input.incidents, input.maintenance);
  const built = items.length > 0 ? lastChanged(items[0]!) : input.now.toISOString();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xmlEscape(page.name)} status - incident history</title>`,
    `<link>${xmlEscape(`${baseUrl}/history`)}</link>`,
    `<atom:link href="${xmlEscape(`${baseUrl}/history.rss`)}" rel="self" type="application/rss+xml"/>`,
    `<description>${xmlEscape(`Incidents and maintenance on ${page.name}`)}</description>`,
    '<language>en</language>',
    `<lastBuildDate>${new Date(built).toUTCString()}</lastBuildDate>`,
    '<ttl>1</ttl>',
    ...items.map((item) =>
      [
        '<item>',
        `<title>${xmlEscape(item.name)}</title>`,
        `<description>${xmlEscape(updatesHtml(item, page.time_zone))}</description>`,
        `<pubDate>${new Date(item.started_at).toUTCString()}</pubDate>`,
        `<link>${xmlEscape(item.shortlink)}</link>`,
        `<guid isPermaLink="true">${xmlEscape(item.shortlink)}</guid>`,
        `<category>${'scheduled_for' in item ? 'maintenance' : 'incident'}</category>`,
        '</item>',
      ].join(''),
    ),
    '</channel>',
    '</rss>',
  ];
  return lines.join('\n') + '\n';
}
