import { headers } from 'next/headers';
import { cache } from 'react';
import { pageDefaultLocale, requestLocale } from '@/lib/i18n/page-locale';
import type { Locale } from '@/lib/i18n/locales';
import { PATH_HEADER } from '@/lib/i18n/paths';
import { requestPrefix } from '@/lib/i18n/page-prefix';

export interface PageLanguage {
  locale: Locale;
  defaultLocale: Locale;
  /** '' for an unprefixed URL, else `/<code>`. */
  prefix: string;
  /** The path without its language prefix, query included. */
  path: string;
}

/** What a public page needs to know about the language it is asked for. */
export const pageLanguage = cache(async (): Promise<PageLanguage> => {
  const [locale, defaultLocale, prefix, h] = await Promise.all([requestLocale(), pageDefaultLocale(), requestPrefix(), headers()]);
  return { locale, defaultLocale, prefix, path: h.get(PATH_HEADER) ?? '/' };
});
