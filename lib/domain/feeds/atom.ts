import { Feed } from 'feed';
import { feedItems, updatesHtml } from '@/lib/domain/feeds/history-items';
import { feedHtml, feedText, xmlEscape } from '@/lib/domain/feeds/xml';
import type { SpIncident, SpPage, SpScheduledMaintenance } from '@/lib/domain/statuspage/types';

/** Atom 1.0 of the page's incident and maintenance history, absolute links from `baseUrl`. */
export function historyAtom(input: {
  page: SpPage;
  baseUrl: string;
  incidents: readonly SpIncident[];
  maintenance: readonly SpScheduledMaintenance[];
  now: Date;
}): string {
  const { page, baseUrl } = input;
  const items = feedItems(input.incidents, input.maintenance, input.now);
  const feed = new Feed({
    id: `${baseUrl}/history`,
    title: feedText(`${page.name} status - incident history`),
    link: `${baseUrl}/history`,
    feedLinks: { atom: `${baseUrl}/history.atom` },
    author: { name: feedText(page.name) },
    generator: false,
    updated: items.length > 0 ? new Date(Math.max(...items.map((i) => i.updated.getTime()))) : input.now,
  });
  for (const { item, kind, published, updated } of items) {
    feed.addItem({
      // The package writes entry titles as type="html": escaped, so names stay text.
      title: xmlEscape(item.name),
      link: item.shortlink,
      date: updated,
      published,
      content: feedHtml(updatesHtml(item, page.time_zone)),
      category: [{ term: kind }],
    });
  }
  return feed.atom1() + '\n';
}
