import { Feed } from 'feed';
import { feedItems, updatesHtml } from '@/lib/domain/feeds/history-items';
import { feedHtml, feedText, xmlEscape } from '@/lib/domain/feeds/xml';
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
  const items = feedItems(input.incidents, input.maintenance, input.now);
  const feed = new Feed({
    title: feedText(`${page.name} status - incident history`),
    description: feedText(`Incidents and maintenance on ${page.name}`),
    link: `${baseUrl}/history`,
    feedLinks: { rss: `${baseUrl}/history.rss` },
    language: 'en',
    ttl: 1,
    generator: false,
    updated: items.length > 0 ? new Date(Math.max(...items.map((i) => i.updated.getTime()))) : input.now,
  });
  for (const { item, kind, published, updated } of items) {
    feed.addItem({
      // A CDATA title is read as HTML by many readers: escaped, so names stay text.
      title: xmlEscape(item.name),
      link: item.shortlink,
      date: updated,
      published,
      description: feedHtml(updatesHtml(item, page.time_zone)),
      category: [{ name: kind }],
    });
  }
  return feed.rss2() + '\n';
}
