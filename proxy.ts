import { NextResponse, type NextRequest } from 'next/server';
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
 */
export function proxy(request: NextRequest) {
  if (isRenderSecret(request.headers.get(RENDER_HEADER))) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy({
    scriptSrc: [`'nonce-${nonce}'`, "'strict-dynamic'"],
    styleSrc: [`'nonce-${nonce}'`],
  });

  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the static files, image optimiser or JSON APIs.
      source: '/((?!_next/static|_next/image|api/).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
