import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';

/** The fields an operator may translate, by entity. */
export type TranslatableField = 'name' | 'description' | 'title' | 'body';

/** One entity's translations: language → field → text. Only non-empty texts are kept. */
export type Translations = Partial<Record<Locale, Partial<Record<TranslatableField, string>>>>;

/** A text as one reader gets it: in their language, or the original and the original's language. */
export interface LocalizedText {
  text: string;
  /** The language `text` is written in. */
  locale: Locale;
  /** True when no translation into the asked language exists and `text` is the original. */
  isOriginal: boolean;
}

/**
 * The text of `field` in `locale`, or the original (written in `originalLocale`, the page's
 * default language) when there is no translation, so the reader can be told "original in English".
 * Asking for the original's own language always returns the original.
 */
export function localize(
  original: string,
  translations: Translations | undefined,
  field: TranslatableField,
  locale: Locale,
  originalLocale: Locale = DEFAULT_LOCALE,
): LocalizedText {
  if (locale !== originalLocale) {
    const translated = translations?.[locale]?.[field];
    if (translated && translated.trim() !== '') return { text: translated, locale, isOriginal: false };
  }
  return { text: original, locale: originalLocale, isOriginal: locale !== originalLocale };
}

/** The languages an entity has a translation in (any field), in LOCALES order. */
export function translatedLocales(translations: Translations | undefined, locales: readonly Locale[]): Locale[] {
  return locales.filter((l) => Object.values(translations?.[l] ?? {}).some((v) => v && v.trim() !== ''));
}
