import { describe, expect, it } from 'vitest';
import type { AlertSnapshot } from '@/lib/notify/alert-snapshot';
import { renderSubscriptionEmail } from '@/lib/notify/email-render';
import { confirmLink, linksWithToken, subscriberLinkLanguage } from '@/lib/notify/links';

const BASE = 'https://status.acme.test';
const TOKEN = 'abcdefghijklmnopqrstuvwxyz';

describe('subscriber links', () => {
  it('carry no prefix without a language, as before subscribers had one', () => {
    expect(linksWithToken(BASE, TOKEN)).toEqual({
      manage: `${BASE}/subscriptions/manage/${TOKEN}`,
      unsubscribe: `${BASE}/subscriptions/unsubscribe/${TOKEN}`,
      oneClick: `${BASE}/api/subscriptions/unsubscribe/${TOKEN}`,
    });
    expect(confirmLink(BASE, TOKEN)).toBe(`${BASE}/subscriptions/confirm/${TOKEN}`);
  });

  it("take the subscriber's chosen language, none when it chose none", () => {
    expect(subscriberLinkLanguage('de', 'en')).toEqual({ locale: 'de', defaultLocale: 'en' });
    expect(subscriberLinkLanguage('fr', undefined)).toEqual({ locale: 'fr', defaultLocale: undefined });
    expect(subscriberLinkLanguage('fr', 'xx')).toEqual({ locale: 'fr', defaultLocale: undefined });
    expect(subscriberLinkLanguage(null, 'en')).toBeUndefined();
    expect(subscriberLinkLanguage('xx', 'en')).toBeUndefined();
  });

  it("carry the subscriber's language unless it is the page's default; the one-click API never does", () => {
    const de = { locale: 'de', defaultLocale: 'en' } as const;
    expect(linksWithToken(BASE, TOKEN, de)).toEqual({
      manage: `${BASE}/de/subscriptions/manage/${TOKEN}`,
      unsubscribe: `${BASE}/de/subscriptions/unsubscribe/${TOKEN}`,
      oneClick: `${BASE}/api/subscriptions/unsubscribe/${TOKEN}`,
    });
    expect(confirmLink(BASE, TOKEN, de)).toBe(`${BASE}/de/subscriptions/confirm/${TOKEN}`);
    // A German page: its German readers share the unprefixed URLs, its English readers get /en.
    expect(confirmLink(BASE, TOKEN, { locale: 'de', defaultLocale: 'de' })).toBe(`${BASE}/subscriptions/confirm/${TOKEN}`);
    expect(linksWithToken(BASE, TOKEN, { locale: 'en', defaultLocale: 'de' }).manage).toBe(`${BASE}/en/subscriptions/manage/${TOKEN}`);
  });

  it("name the language when the page's default is not known", () => {
    expect(confirmLink(BASE, TOKEN, { locale: 'en' })).toBe(`${BASE}/en/subscriptions/confirm/${TOKEN}`);
    expect(linksWithToken(BASE, TOKEN, { locale: 'it' }).unsubscribe).toBe(`${BASE}/it/subscriptions/unsubscribe/${TOKEN}`);
  });
});

describe('the confirmation email', () => {
  const snapshot = (locale?: string): AlertSnapshot => ({
    kind: 'subscription.confirm',
    generatedAt: '2026-01-05T10:00:00.000Z',
    baseUrl: BASE,
    page: { id: 'p1', name: 'Acme IoT', time_zone: 'UTC', ...(locale && { locale }), status_indicator: 'none', status_description: 'All Systems Operational' },
    confirmToken: TOKEN,
  });
  const render = (s: AlertSnapshot, locale: 'en' | 'de' | 'fr') =>
    renderSubscriptionEmail({ snapshot: s, subscriberId: 'sub1', notificationId: 'n1', host: 'acme.test', reader: { locale, timeZone: 'UTC' } });

  it("links to the confirm page in the subscriber's language", () => {
    const de = render(snapshot('en'), 'de');
    expect(de.html).toContain(`href="${BASE}/de/subscriptions/confirm/${TOKEN}"`);
    expect(de.text).toContain(`${BASE}/de/subscriptions/confirm/${TOKEN}`);
    expect(render(snapshot('en'), 'en').html).toContain(`href="${BASE}/subscriptions/confirm/${TOKEN}"`);
    expect(render(snapshot('fr'), 'fr').html).toContain(`href="${BASE}/subscriptions/confirm/${TOKEN}"`);
    expect(render(snapshot(), 'fr').html).toContain(`href="${BASE}/fr/subscriptions/confirm/${TOKEN}"`);
  });
});
