import { headers } from 'next/headers';
import { cache } from 'react';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/locales';
import { LOCALE_HEADER } from '@/lib/i18n/paths';
import { requestContext } from '@/lib/services/context';

/** The page's default language (settings, migration 017): what unprefixed URLs are served in. */
export const pageDefaultLocale = cache(async (): Promise<Locale> => {
  try {
    const settings = await getPageSettings((await requestContext()).db);
    return isLocale(settings.locale) ? settings.locale : DEFAULT_LOCALE;
  } catch {
    // The database down: the disk snapshot serves the pages anyway; a render says English.
    return DEFAULT_LOCALE;
  }
});

/** This request's language: the one its URL prefix names (proxy.ts), else the page's default. */
export const requestLocale = cache(async (): Promise<Locale> => {
  const named = (await headers()).get(LOCALE_HEADER);
  return isLocale(named) ? named : pageDefaultLocale();
});
