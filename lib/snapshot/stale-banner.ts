import de from '@/messages/de/common.json';
import en from '@/messages/en/common.json';
import es from '@/messages/es/common.json';
import fr from '@/messages/fr/common.json';
import it from '@/messages/it/common.json';
import { isLocale } from '@/lib/i18n/locales';

/** "Status as of <time>{when}</time>; …" in each language (the catalogs' `common.staleAsOf`). */
const TEXT = { de: de.staleAsOf, en: en.staleAsOf, es: es.staleAsOf, fr: fr.staleAsOf, it: it.staleAsOf };

/**
 * Adds the "Status as of …" notice to a snapshot page served while the database is unreachable,
 * in the page's language (its `<html lang>`). It goes first in <body>, outside React's tree,
 * which hydration leaves alone.
 */
export function withStaleBanner(html: string, asOf: string): string {
  const when = new Date(asOf);
  const lang = /<html[^>]*\slang="([a-z]{2})"/.exec(html)?.[1];
  const template = TEXT[lang && isLocale(lang) ? lang : 'en'];
  const text = template
    .replace('<time>', `<time datetime="${when.toISOString()}">`)
    .replace('{when}', `${when.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  const banner =
    `<div role="status" data-snapshot-stale="true" style="background:#fef3c7;color:#78350f;` +
    `border-bottom:1px solid #f59e0b;padding:8px 16px;text-align:center;font:14px/1.4 system-ui,sans-serif">${text}</div>`;
  return html.replace(/<body[^>]*>/, (tag) => tag + banner);
}
