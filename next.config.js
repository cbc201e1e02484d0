// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and server-only drivers stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', 'pg', 'sanitize-html'],
  // Lets parallel builds (several developers or test runs on one checkout) use separate folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm run typecheck` (tsc over the whole project, tests included) runs before every build in
  // `npm test`; checking again inside `next build` only doubles the time.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
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

module.exports = nextConfig;
