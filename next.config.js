// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and server-only drivers stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', 'pg', 'sanitize-html'],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = nextConfig;
