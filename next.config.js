// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const createNextIntlPlugin = require('next-intl/plugin');

// Public pages read their language from lib/i18n/request.ts (the URL prefix, via proxy.ts).
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and server-only drivers stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', 'better-sqlite3-13', 'pg', 'sanitize-html'],
  // Lets parallel builds (several developers or test runs on one checkout) use separate folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Type errors fail `next build` (and so `npm run build`): a plain build never ships them.
  typescript: { ignoreBuildErrors: false },
  poweredByHeader: false,
  // The management API answers every URL with or without `.json`, as Statuspage's does: the
  // suffix comes off before routing, so each route file serves both forms.
  async rewrites() {
    return { beforeFiles: [{ source: '/api/v1/pages/:path(.+)\\.json', destination: '/api/v1/pages/:path' }] };
  },
  // Headers every response carries; the console adds its nonce-based CSP in proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
  typedRoutes: false,
  // forbidden() answers 403 to an operator without the needed role.
  experimental: { authInterrupts: true },
};

module.exports = withNextIntl(nextConfig);
