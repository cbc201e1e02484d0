import { headers } from 'next/headers';
import { isLocale } from '@/lib/i18n/locales';
import { LOCALE_HEADER, withPrefix } from '@/lib/i18n/paths';

/** The language prefix the request's URL carried ('' for an unprefixed one): see proxy.ts. */
export async function requestPrefix(): Promise<string> {
  const named = (await headers()).get(LOCALE_HEADER);
  return isLocale(named) ? `/${named}` : '';
}

/** A public path in the language this request's URL named (`/access/sign-in` → `/de/access/sign-in`). */
export async function requestPath(path: string): Promise<string> {
  return withPrefix(await requestPrefix(), path);
}
