/**
 * Cache-Control for public reads: browsers and CDNs may reuse a response briefly, serve it stale
 * while they revalidate, and keep serving it for a day if the origin fails.
 */
export const CACHE_POLICY = {
  api: 'public, max-age=10, s-maxage=10, stale-while-revalidate=30, stale-if-error=86400',
  html: 'public, max-age=0, s-maxage=5, stale-while-revalidate=30, stale-if-error=86400',
  feed: 'public, max-age=60, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400',
  badge: 'public, max-age=30, s-maxage=30, stale-while-revalidate=60, stale-if-error=86400',
} as const;

/** Headers every public API and feed response carries so any site's script may read it. */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'If-None-Match, Content-Type',
  'access-control-expose-headers': 'ETag',
  'access-control-max-age': '86400',
} as const;
