import type { AlertSnapshot } from '@/lib/notify/alert-snapshot';
import { pageUrl, subscriberLinks, type LinkLanguage } from '@/lib/notify/links';

/**
 * The JSON a webhook subscriber receives: Statuspage's `meta` / `page` / `incident` (or
 * `component` + `component_update`) plus `type` and `timestamp`. Its pages' links open in the
 * subscriber's language; the one-click unsubscribe is an API and has none.
 */
export function webhookBody(snapshot: AlertSnapshot, subscriberId: string, sentAt: Date, language?: LinkLanguage): string {
  const links = subscriberLinks(snapshot.baseUrl, subscriberId, language);
  const body: Record<string, unknown> = {
    type: snapshot.kind,
    timestamp: sentAt.toISOString(),
    meta: {
      unsubscribe: links.oneClick,
      manage: links.manage,
      documentation: pageUrl(snapshot.baseUrl, '/subscribe', language),
      generated_at: snapshot.generatedAt,
    },
    page: snapshot.page,
  };
  if (snapshot.incident) body.incident = snapshot.incident;
  if (snapshot.notice) body.notice = snapshot.notice;
  if (snapshot.component) {
    body.component = snapshot.component;
    body.component_update = snapshot.component_update;
  }
  return JSON.stringify(body);
}
