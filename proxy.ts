import { NextResponse, type NextRequest } from 'next/server';
import { LOCALE_HEADER, PATH_HEADER, splitLocale } from '@/lib/i18n/paths';
import { contentSecurityPolicy } from '@/lib/snapshot/csp';
import { isRenderSecret, RENDER_HEADER } from '@/lib/snapshot/render-secret';

/**
 * The Content-Security-Policy of every page Next renders per request (the console and the public
 * pages that are not snapshots: history, incidents, subscribe…): a fresh nonce per request, no
 * inline script without it, no framing. Next reads the nonce from the request's policy header and
 * puts it on its own scripts. Snapshot pages get a hash-based policy instead (lib/snapshot/csp.ts);
 * the render that produces them is left alone, so no stale nonce is baked into shared HTML. Only
 * a request carrying this process's render secret is a render (server.ts also strips the header
 * from every outside request).
 *
 * A language prefix (`/de/history`) is taken off here and handed to the page as a request header:
 * one route tree serves every language (README, "Languages").
 */
export function proxy(request: NextRequest) {
  const { locale, rest } = splitLocale(request.nextUrl.pathname);
  const headers = new Headers(request.headers);
  // Only a prefix names the language; an outside request cannot set it by header.
  headers.delete(LOCALE_HEADER);
  headers.delete(PATH_HEADER);
  // The path in no language, with its query: the language switcher links to it in each.
  headers.set(PATH_HEADER, rest + request.nextUrl.search);
  if (locale) headers.set(LOCALE_HEADER, locale);
  // The console speaks English whatever the page's default language.
  else if (rest.startsWith('/admin')) headers.set(LOCALE_HEADER, 'en');
  const pass = () => {
    if (!locale) return NextResponse.next({ request: { headers } });
    const url = request.nextUrl.clone();
    url.pathname = rest;
    const res = NextResponse.rewrite(url, { request: { headers } });
    res.headers.set('Content-Language', locale);
    return res;
  };
  if (isRenderSecret(request.headers.get(RENDER_HEADER))) return pass();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy({
    scriptSrc: [`'nonce-${nonce}'`, "'strict-dynamic'"],
    styleSrc: [`'nonce-${nonce}'`],
  });

  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = pass();
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the static files, image optimiser or JSON APIs, nor the incident file upload
      // (Next would hold its body to the proxy's 10 MB and cut a bigger file short) and download
      // (which carries its own sandbox policy, not a page's).
      source: '/((?!_next/static|_next/image|api/|admin/incidents/[a-z0-9]+/files$|admin/incidents/[a-z0-9]+/files/[a-z0-9]+$).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
