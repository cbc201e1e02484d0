import fs from 'node:fs';
import path from 'node:path';
import { splitLocale } from '@/lib/i18n/paths';

/** The part of Next's `routes-manifest.json` that says which paths it has a route for. */
export interface RoutesManifest {
  staticRoutes: { page: string }[];
  dynamicRoutes: { page: string; regex: string }[];
}

/** Prefixes that are always Next's, whatever the manifest says: its assets, the console, the APIs. */
const NEXT_PREFIXES = ['/_next/', '/admin/', '/api/'];

/**
 * Paths Next may answer differently from a plain lookup: not starting with a slash (absolute or
 * asterisk form), a trailing slash (redirected), `.` and `..` or empty segments and escapes (normalised by
 * Next before matching), backslashes. Rare in real traffic; they stay Next's so no route is ever
 * hidden.
 */
const UNUSUAL = /^[^/]|%|\/\/|\/\.\.?(?:\/|$)|\\|.\/$/;

/**
 * Tells whether Next has anything for a path: a page or route handler of the build (from its
 * routes manifest), a file under `public/`, or one of the prefixes it always keeps. Everything
 * else is a 404 the snapshot layer answers from memory, so junk paths cost no render.
 */
export class NextRoutes {
  private readonly exact: Set<string>;
  private readonly patterns: RegExp[];

  constructor(manifest: RoutesManifest, publicFiles: Iterable<string>) {
    // Next's internal pages (/_not-found, /_global-error) are not addresses anyone should render.
    this.exact = new Set([...manifest.staticRoutes.map((r) => r.page).filter((p) => !p.startsWith('/_')), ...publicFiles]);
    this.patterns = manifest.dynamicRoutes.map((r) => new RegExp(r.regex));
  }

  /** Reads the build's routes manifest and the public folder; null without a build (dev). */
  static load(distDir: string, publicDir: string): NextRoutes | null {
    let manifest: RoutesManifest;
    try {
      manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'routes-manifest.json'), 'utf8')) as RoutesManifest;
    } catch {
      return null;
    }
    return new NextRoutes(manifest, publicFilePaths(publicDir));
  }

  /** Whether the path is Next's to answer (a route, a public file, or a path left to it). */
  has(prefixed: string): boolean {
    // A language prefix (`/de/…`) is taken off by proxy.ts before Next routes.
    const pathname = splitLocale(prefixed).rest;
    if (this.exact.has(pathname) || UNUSUAL.test(pathname)) return true;
    for (const prefix of NEXT_PREFIXES) if (pathname.startsWith(prefix)) return true;
    for (const pattern of this.patterns) if (pattern.test(pathname)) return true;
    return false;
  }
}

/** The URL path of every file under `dir` (`public/a/b.svg` → `/a/b.svg`). */
export function publicFilePaths(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => `/${path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).map(encodeURIComponent).join('/')}`);
}
