import { NextResponse, type NextRequest } from 'next/server';

/**
 * The console's Content-Security-Policy: a fresh nonce per request, no inline script without
 * it, no framing. Next reads the nonce from the request's policy header and puts it on its
 * own scripts; every admin page is rendered per request, so each gets its own.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [{ source: '/admin/:path*', missing: [{ type: 'header', key: 'next-router-prefetch' }] }],
};
