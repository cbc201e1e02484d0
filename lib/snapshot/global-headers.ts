import path from 'node:path';

interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}

/**
 * The headers next.config.js sets on every path (`source: '/:path*'`), so that responses the
 * custom server answers itself carry them too (nosniff, referrer policy…).
 */
export async function siteWideHeaders(dir: string): Promise<Record<string, string>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS, read as Next reads it
  const config = require(path.join(dir, 'next.config.js')) as { headers?: () => Promise<HeaderRule[]> };
  const rules = (await config.headers?.()) ?? [];
  return Object.fromEntries(
    rules.filter((r) => r.source === '/:path*').flatMap((r) => r.headers.map((h) => [h.key.toLowerCase(), h.value])),
  );
}
