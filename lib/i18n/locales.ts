/**
 * The languages Beacon speaks. Adding one is a catalog directory (`messages/<code>/*.json`, one file
 * per namespace, the same keys as `messages/en/`) plus its entry here.
 */
export const LOCALES = ['en', 'de', 'fr', 'it', 'es'] as const;

export type Locale = (typeof LOCALES)[number];

/** Served at unprefixed URLs unless the page's settings choose another. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language's name in itself, as a language switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  it: 'Italiano',
  es: 'Español',
};

/**
 * The writing direction of a language, as ICU knows it (`ar`, `he`, `fa` … are right-to-left): the
 * layout uses logical properties only (start/end, `lib/i18n/logical-layout.test.ts`), so a
 * right-to-left catalog needs nothing but this on `<html>`.
 */
export function localeDirection(locale: string): 'ltr' | 'rtl' {
  try {
    const info = (new Intl.Locale(locale) as Intl.Locale & { textInfo?: { direction?: string } }).textInfo;
    return info?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
