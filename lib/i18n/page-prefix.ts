import { headers } from 'next/headers';
import { isLocale } from '@/lib/i18n/locales';
import { LOCALE_HEADER } from '@/lib/i18n/paths';

/** The language prefix the request's URL carried ('' for an unprefixed one): see proxy.ts. */
export async function requestPrefix(): Promise<string> {
  const named = (await headers()).get(LOCALE_HEADER);
  return isLocale(named) ? `/${named}` : '';
}
