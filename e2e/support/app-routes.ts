import fs from 'node:fs';
import path from 'node:path';
import { minimumRole, type Permission } from '@/lib/domain/permissions';

/**
 * The app's pages, route handlers and server actions, derived from the route tree and the
 * build's server-action manifest rather than from a hand-kept list.
 */
export const APP = path.join(process.cwd(), 'app');
const DIST = process.env.NEXT_DIST_DIR || '.next';

/** What a dynamic segment is filled with when no real value is known. */
export const PLACEHOLDER = 'abcdefghijkl';

export interface AppRoute {
  file: string;
  /** Path segments under app/, route groups and private folders left out (`[pageId]` kept). */
  segments: string[];
  /** The URL with `[pageId]` filled in and other dynamic segments as PLACEHOLDER. */
  url: string;
  source: string;
}

export interface RouteHandler extends AppRoute {
  methods: string[];
}

export interface ServerAction {
  id: string;
  name: string;
  file: string;
  /** A page that hosts the action (one without dynamic segments when there is one). */
  page: string;
  /** The role `adminAction` requires, 'public' outside the console, 'session' for sign-in/out. */
  role: 'admin' | 'responder' | 'public' | 'session' | 'unknown';
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const routeSegments = (dir: string) => dir.split(/[\\/]/).filter((s) => s && !/^\(.*\)$/.test(s));

/** A URL for route segments: `[pageId]` becomes pageId, other dynamic segments `fill`. */
export function urlFor(segments: readonly string[], pageId: string, fill = PLACEHOLDER): string {
  return `/${segments.map((s) => (s === '[pageId]' ? pageId : s.startsWith('[') ? fill : s)).join('/')}`;
}

function appRoutes(pattern: RegExp, pageId: string): AppRoute[] {
  return walk(APP)
    .filter((f) => pattern.test(path.basename(f)) && !path.relative(APP, f).split(path.sep).some((s) => s.startsWith('_')))
    .map((file) => {
      const segments = routeSegments(path.relative(APP, path.dirname(file)));
      return { file: path.relative(process.cwd(), file), segments, url: urlFor(segments, pageId), source: fs.readFileSync(file, 'utf8') };
    });
}

/** Every page.tsx. */
export function appPages(pageId: string): AppRoute[] {
  return appRoutes(/^page\.tsx$/, pageId);
}

/** Every route handler with the methods it exports. */
export function routeHandlers(pageId: string): RouteHandler[] {
  return appRoutes(/^route\.tsx?$/, pageId).map((route) => ({
    ...route,
    methods: [...route.source.matchAll(/export\s+(?:async\s+function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g), ...route.source.matchAll(/\b\w+ as (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!),
  }));
}

/** The role-table action each console form runs (the services check it; see lib/domain/permissions.ts). */

/** Every server action in the build, with a page that hosts it and the role it requires. */
export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => {
    const source = fs.readFileSync(a.filename, 'utf8');
    const permission = new RegExp(`export const ${a.exportedName} = adminAction\\('([a-z_.]+)'`).exec(source)?.[1] as Permission | undefined;
    const definition = permission ? [permission, minimumRole(permission)] : undefined;
    const requires = new RegExp(`export async function ${a.exportedName}\\b[^]*?requireOperator\\('(admin|responder)'\\)`).exec(source);
    const workers = Object.keys(a.workers).map((w) => routeSegments(w.replace(/^app\//, '').replace(/\/page$/, '')));
    const host = workers.find((w) => !w.some((s) => s.startsWith('['))) ?? workers[0]!;
    const role: ServerAction['role'] = !a.filename.startsWith('app/admin/')
      ? 'public'
      : SIGN_IN_ACTIONS.includes(a.filename)
        ? 'session'
        : ((definition?.[1] ?? requires?.[1] ?? 'unknown') as ServerAction['role']);
    return { id, name: a.exportedName, file: a.filename, page: urlFor(host, ''), role };
  });
}

/** Sign-in steps: usable without a session by design (a password, a second factor, a one-time reset link). */
const SIGN_IN_ACTIONS = ['app/admin/actions/session.ts', 'app/admin/actions/reset-password.ts'];

/** The shared files a management API route reads its query in: what it imports from these folders, transitively. */
const V1_SHARED = /from '@\/((?:app\/api\/v1\/_lib|lib\/domain\/statuspage-manage)\/[\w-]+)'/g;

/** The sources a route or page reads its query in: its own file, and for a v1 route the shared files it imports. */
function querySources(route: AppRoute): string[] {
  if (!route.url.startsWith('/api/v1/')) return [route.source];
  const sources = [route.source];
  const seen = new Set<string>();
  for (let i = 0; i < sources.length; i++) {
    for (const m of sources[i]!.matchAll(V1_SHARED)) {
      const file = `${m[1]}.ts`;
      if (seen.has(file) || !fs.existsSync(file)) continue;
      seen.add(file);
      sources.push(fs.readFileSync(file, 'utf8'));
    }
  }
  return sources;
}

/**
 * The query parameters a route or page reads, found in its source: `params.get('x')` and the
 * like (paging's `'per_page' : 'limit'` too), and `q.x` / `raw.x` / `{ x } = await searchParams` in pages. What the hostile corpus
 * must reach, so a parameter added later gets hostile values without anyone listing it.
 */
export function queryParamsOf(route: AppRoute): string[] {
  const found = new Set<string>();
  for (const source of querySources(route)) {
    if (!source.includes('searchParams') && !source.includes('URLSearchParams')) continue;
    // Not headers.get('authorization'); the ternary is paging's `per_page` or its `limit` alias.
    for (const m of source.matchAll(/(?<!headers\.)\b(?:get|has|getAll|int)\(\s*'([a-z_]+)'\s*\)/g)) found.add(m[1]!);
    for (const m of source.matchAll(/\?\s*'([a-z_]+)'\s*:\s*'([a-z_]+)'/g)) found.add(m[1]!).add(m[2]!);
    if (!source.includes('await searchParams')) continue;
    for (const m of source.matchAll(/\b(?:q|raw)\.([a-z_]+)\b/g)) found.add(m[1]!);
    for (const m of source.matchAll(/const \{([^}]+)\} = await searchParams/g)) for (const name of m[1]!.split(',')) found.add(name.trim());
  }
  return [...found].sort();
}
