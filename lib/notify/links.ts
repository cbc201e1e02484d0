import { createHmac } from 'node:crypto';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { localePath } from '@/lib/i18n/paths';
import { linkSecret } from '@/lib/notify/link-secret';

/** Bumping this invalidates every manage/unsubscribe link issued so far. */
const LINK_VERSION = 'v1';

/** The MAC half of a link token: HMAC-SHA256(server key, purpose + version + subscriber id), 160 bits in hex. */
export function linkMac(subscriberId: string): string {
  return createHmac('sha256', linkSecret()).update(`subscriber-links:${LINK_VERSION}:${subscriberId}`).digest('hex').slice(0, 40);
}

/**
 * The token of a subscriber's manage and unsubscribe links: `<id>-<mac>`. Nothing of it is
 * stored; it is checked by recomputing the MAC, so it can be rebuilt for every alert.
 */
export function subscriberLinkToken(subscriberId: string): string {
  return `${subscriberId}-${linkMac(subscriberId)}`;
}

/**
 * The language a subscriber's pages open in and the page's default language, whose URLs carry no
 * prefix. A default not known (an alert frozen before it was recorded) prefixes every language:
 * `/en/…` names English whatever the default is.
 */
export interface LinkLanguage {
  locale: Locale;
  defaultLocale?: Locale;
}

/**
 * The language of a subscriber's links: the one it chose (none: unprefixed, as before issue #15),
 * against the page's default as the alert froze it.
 */
export function subscriberLinkLanguage(locale: string | null | undefined, pageDefault: string | undefined): LinkLanguage | undefined {
  if (!isLocale(locale)) return undefined;
  return { locale, defaultLocale: isLocale(pageDefault) ? pageDefault : undefined };
}

/** A public page's URL in the subscriber's language (unprefixed without one, as before issue #15). */
export function pageUrl(baseUrl: string, path: string, language: LinkLanguage | undefined): string {
  if (!language) return `${baseUrl}${path}`;
  return language.defaultLocale ? `${baseUrl}${localePath(language.locale, path, language.defaultLocale)}` : `${baseUrl}/${language.locale}${path}`;
}

/** The links every alert carries for one subscriber. */
export function subscriberLinks(baseUrl: string, subscriberId: string, language?: LinkLanguage) {
  return linksWithToken(baseUrl, subscriberLinkToken(subscriberId), language);
}

/** The manage, unsubscribe and one-click links for a link token (or a marker standing for one). */
export function linksWithToken(baseUrl: string, token: string, language?: LinkLanguage) {
  return {
    manage: pageUrl(baseUrl, `/subscriptions/manage/${token}`, language),
    unsubscribe: pageUrl(baseUrl, `/subscriptions/unsubscribe/${token}`, language),
    /** RFC 8058 one-click target: a POST here unsubscribes without a page (an API: never prefixed). */
    oneClick: `${baseUrl}/api/subscriptions/unsubscribe/${token}`,
  };
}

/** A confirmation token from a given key: HMAC-SHA256(key, purpose + version + subscriber id + nonce), base64url. */
export function deriveConfirmToken(secret: Buffer, subscriberId: string, nonce: string): string {
  return createHmac('sha256', secret).update(`subscriber-confirm:${LINK_VERSION}:${subscriberId}:${nonce}`).digest('base64url');
}

/**
 * The token of a confirmation link, rebuilt from the subscriber id and the request's nonce, so
 * the queued message holds only the nonce (useless without the server key) and the subscriber
 * row only the token's hash.
 */
export function confirmToken(subscriberId: string, nonce: string): string {
  return deriveConfirmToken(linkSecret(), subscriberId, nonce);
}

/** The link that opens the confirm page of an email subscription (the page's button confirms). */
export function confirmLink(baseUrl: string, confirmToken: string, language?: LinkLanguage): string {
  return pageUrl(baseUrl, `/subscriptions/confirm/${confirmToken}`, language);
}
