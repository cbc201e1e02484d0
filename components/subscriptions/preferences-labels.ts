import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/i18n/locales';
import de from '@/messages/de/preferences.json';
import en from '@/messages/en/preferences.json';
import es from '@/messages/es/preferences.json';
import fr from '@/messages/fr/preferences.json';
import it from '@/messages/it/preferences.json';

const CATALOGS: Record<Locale, typeof en> = { en, de, fr, it, es };

/** The language and time-zone fields' words in one language (messages/<locale>/preferences.json). */
export interface PreferencesLabels {
  language: string;
  languageHint: string;
  timeZone: string;
  timeZoneHint: string;
  /** "Time zone {message}", "Language {message}": a refused field's note. */
  timeZoneError: (message: string) => string;
  languageError: (message: string) => string;
}

/** The labels as plain strings, so a client form gets them as props. */
export function preferencesLabels(locale: Locale): Omit<PreferencesLabels, 'timeZoneError' | 'languageError'> & { errors: { timeZone: string; language: string } } {
  const t = createTranslator({ locale, messages: CATALOGS[locale] });
  return {
    language: t('language'),
    languageHint: t('languageHint'),
    timeZone: t('timeZone'),
    timeZoneHint: t('timeZoneHint'),
    // "{message}" is kept for the form to fill with the field's own message.
    errors: { timeZone: t('timeZoneError', { message: '{message}' }), language: t('languageError', { message: '{message}' }) },
  };
}

export type PreferencesText = ReturnType<typeof preferencesLabels>;
