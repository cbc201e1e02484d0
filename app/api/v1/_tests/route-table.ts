import fs from 'node:fs';
import path from 'node:path';
import type { ManageRoute } from '@/app/api/v1/_lib/with-manage-key';

/**
 * The management API's route files as Next.js routes them, found on disk: static segments
 * before `[dynamic]` ones before `[...catchAll]`, params percent-decoded, and the `.json`
 * suffix removed from the last segment first, as the rewrite in next.config.js does. A method
 * the file does not export is a 405, as Next answers it.
 */
const ROOT = path.join(process.cwd(), 'app/api/v1/pages');
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RouteFile {
  segments: string[];
  module: Partial<Record<Method, ManageRoute<Record<string, unknown>>>>;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : entry.name === 'route.ts' ? [full] : [];
  });
}

const rank = (segment: string) => (segment.startsWith('[...') ? 2 : segment.startsWith('[') ? 1 : 0);

let table: Promise<RouteFile[]> | undefined;
function routeFiles(): Promise<RouteFile[]> {
  table ??= Promise.all(
    walk(ROOT).map(async (file) => ({
      segments: path.relative(ROOT, path.dirname(file)).split(path.sep).filter(Boolean),
      module: (await import(file)) as RouteFile['module'],
    })),
  ).then((files) =>
    files.sort((a, b) => {
      for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
        const diff = rank(a.segments[i] ?? '') - rank(b.segments[i] ?? '');
        if (diff !== 0) return diff;
      }
      return 0;
    }),
  );
  return table;
}

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

function match(route: string[], parts: string[]): Record<string, unknown> | undefined {
  const params: Record<string, unknown> = {};
  for (const [i, segment] of route.entries()) {
    if (segment.startsWith('[...')) {
      if (parts.length <= i) return undefined;
      params[segment.slice(4, -1)] = parts.slice(i).map(decode);
      return params;
    }
    if (i >= parts.length) return undefined;
    if (segment.startsWith('[')) params[segment.slice(1, -1)] = decode(parts[i]!);
    else if (segment !== parts[i]) return undefined;
  }
  return route.length === parts.length ? params : undefined;
}

/** The route file and params Next would serve `pathname` (under /api/v1/pages) with, or the status it answers. */
export async function routeFor(
  method: string,
  pathname: string,
): Promise<{ route: ManageRoute<Record<string, unknown>>; params: Record<string, unknown> } | { route?: undefined; status: number }> {
  const parts = pathname.replace(/^\/api\/v1\/pages\/?/, '').replace(/\.json$/, '').split('/').filter(Boolean);
  for (const file of await routeFiles()) {
    const params = match(file.segments, parts);
    if (!params) continue;
    const route = file.module[method as Method];
    return route ? { route, params } : { status: 405 };
  }
  return { status: 404 };
}
