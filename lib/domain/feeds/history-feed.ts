import { Feed } from 'feed';
import { feedItems, updatesHtml } from '@/lib/domain/feeds/history-items';
import { feedHtml, feedText, xmlEscape } from '@/lib/domain/feeds/xml';
import type { SpIncident, SpPage, SpScheduledMaintenance } from '@/lib/domain/statuspage/types';

export interface HistoryFeedInput {
  page: SpPage;
  baseUrl: string;
  incidents: readonly SpIncident[];
  maintenance: readonly SpScheduledMaintenance[];
  now: Date;
}

type Format = 'atom' | 'rss';

/** The page's incident and maintenance history as one `feed` document, for either format. */
function historyFeed(input: HistoryFeedInput, format: Format): Feed {
  const { page, baseUrl } = input;
  const items = feedItems(input.incidents, input.maintenance, input.now);
  const feed = new Feed({
    ...(format === 'atom'
      ? { id: `${baseUrl}/history`, author: { name: feedText(page.name) } }
      : { description: feedText(`Incidents and maintenance on ${page.name}`), language: 'en', ttl: 1 }),
    title: feedText(`${page.name} status - incident history`),
    link: `${baseUrl}/history`,
    feedLinks: { [format]: `${baseUrl}/history.${format}` },
    generator: false,
    updated: items.length > 0 ? new Date(Math.max(...items.map((i) => i.updated.getTime()))) : input.now,
  });
  for (const { item, kind, published, updated } of items) {
    const html = feedHtml(updatesHtml(item, page.time_zone));
    feed.addItem({
      // Atom writes titles as type="html" and many RSS readers read a CDATA title as HTML:
      // escaped, so names stay text.
      title: xmlEscape(item.name),
      link: item.shortlink,
      date: updated,
      published,
      ...(format === 'atom' ? { content: html, category: [{ term: kind }] } : { description: html, category: [{ name: kind }] }),
    });
  }
  return feed;
}

/** Atom 1.0 of the page's history, absolute links from `baseUrl`. */
export function historyAtom(input: HistoryFeedInput): string {
  return historyFeed(input, 'atom').atom1() + '\n';
}

/** RSS 2.0 of the page's history, absolute links from `baseUrl`. */
export function historyRss(input: HistoryFeedInput): string {
  return historyFeed(input, 'rss').rss2() + '\n';
}
