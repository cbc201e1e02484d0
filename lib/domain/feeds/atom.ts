import { historyItems, lastChanged, updatesHtml } from '@/lib/domain/feeds/history-items';
import { xmlEscape } from '@/lib/domain/feeds/xml';
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
  const items = historyItems(input.incidents, input.maintenance);
  const updated = items.length > 0 ? items.map(lastChanged).sort().at(-1)! : input.now.toISOString();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `<id>${xmlEscape(`${baseUrl}/history`)}</id>`,
    `<title>${xmlEscape(page.name)} status - incident history</title>`,
    `<updated>${updated}</updated>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(`${baseUrl}/history`)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(`${baseUrl}/history.atom`)}"/>`,
    `<author><name>${xmlEscape(page.name)}</name></author>`,
    ...items.map((item) =>
      [
        '<entry>',
        `<id>${xmlEscape(item.shortlink)}</id>`,
        `<title>${xmlEscape(item.name)}</title>`,
        `<published>${item.started_at}</published>`,
        `<updated>${lastChanged(item)}</updated>`,
        `<link rel="alternate" type="text/html" href="${xmlEscape(item.shortlink)}"/>`,
        `<category term="${'scheduled_for' in item ? 'maintenance' : 'incident'}"/>`,
        `<content type="html">${xmlEscape(updatesHtml(item, page.time_zone))}</content>`,
        '</entry>',
      ].join(''),
    ),
    '</feed>',
  ];
  return lines.join('\n') + '\n';
}
