import { createTranslator } from 'next-intl';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/locales';
import de from '@/messages/de/email.json';
import en from '@/messages/en/email.json';
import es from '@/messages/es/email.json';
import fr from '@/messages/fr/email.json';
import it from '@/messages/it/email.json';

const CATALOGS: Record<Locale, typeof en> = { en, de, fr, it, es };

function translator(locale: Locale) {
  return createTranslator({ locale, messages: CATALOGS[locale] });
}

/** The email catalog's translator for one language (messages/<locale>/email.json). */
export type EmailTranslator = ReturnType<typeof translator>;

const TRANSLATORS = new Map<Locale, EmailTranslator>();

/** One translator per language, made once: a fan-out renders each language once, not per recipient. */
export function emailTranslator(locale: Locale): EmailTranslator {
  let t = TRANSLATORS.get(locale);
  if (!t) {
    t = translator(locale);
    TRANSLATORS.set(locale, t);
  }
  return t;
}

/** A subscriber's stored language, or the default for rows from before migration 018. */
export function subscriberLocale(value: string | null | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
