import { isLocale, type Locale } from '@/lib/i18n/locales';

/** The request header proxy.ts sets to the language a prefixed URL names. */
export const LOCALE_HEADER = 'x-beacon-locale';
/** The request header proxy.ts sets to the path without its language prefix (query included). */
export const PATH_HEADER = 'x-beacon-path';
/** The cookie the language switcher sets: the reader's choice, remembered. */
export const LOCALE_COOKIE = 'beacon-locale';

const PREFIX = /^\/([a-z]{2})(?=\/|$)/;

/** What has no language of its own: the APIs, the console, Next's files, the switcher. */
const UNLOCALISED = /^\/(?:api\/|admin(?:\/|$)|_next\/|language(?:\/|$))/;

/**
 * A path's language prefix and the public page it names (`/de/history` → de, `/history`); no
 * language for an unprefixed path or one whose rest has no language (`/de/api/v2/…`: a 404).
 */
export function splitLocale(pathname: string): { locale: Locale | null; rest: string } {
  const m = PREFIX.exec(pathname);
  if (!m || !isLocale(m[1])) return { locale: null, rest: pathname };
  const rest = pathname.slice(3) || '/';
  if (UNLOCALISED.test(rest)) return { locale: null, rest: pathname };
  return { locale: m[1], rest };
}

/**
 * A public path in a language: unprefixed for the page's default (what everyone shares and
 * caches), `/<code>…` for the others.
 */
export function localePath(locale: Locale, path: string, defaultLocale: Locale): string {
  if (locale === defaultLocale) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/** A switcher's `from`: a same-site path (no scheme, host or `//`), else null. */
export function safeReturnPath(value: string | null): string | null {
  if (!value || value.length > 2000 || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  return splitLocale(value).rest;
}

/** A public path under a request's language prefix ('' or `/<code>`, as proxy.ts saw it): `/de` + `/` is `/de`. */
export function withPrefix(prefix: string, path: string): string {
  if (!prefix) return path;
  return path === '/' ? prefix : `${prefix}${path}`;
}
