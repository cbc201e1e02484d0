import { NextResponse, type NextRequest } from 'next/server';
import { pageDefaultLocale } from '@/lib/i18n/page-locale';
import { isLocale } from '@/lib/i18n/locales';
import { LOCALE_COOKIE, localePath, safeReturnPath } from '@/lib/i18n/paths';

export const dynamic = 'force-dynamic';

/**
 * The language switcher's target: remembers the reader's language in a cookie (a year) and sends
 * them to the page they were on in it. A plain link works without JavaScript.
 */
export async function GET(request: NextRequest) {
  const to = request.nextUrl.searchParams.get('to');
  const from = safeReturnPath(request.nextUrl.searchParams.get('from') ?? '/');
  if (!isLocale(to)) return NextResponse.json({ error: { message: 'to must be one of en, de, fr, it, es' } }, { status: 400 });
  if (from === null) return NextResponse.json({ error: { message: 'from must be a path on this site' } }, { status: 400 });
  const res = new NextResponse(null, { status: 303, headers: { location: localePath(to, from, await pageDefaultLocale()) } });
  res.cookies.set(LOCALE_COOKIE, to, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  return res;
}
