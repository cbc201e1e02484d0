import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodNotAllowed } from '@/app/api/v1/_lib/with-manage-key';
import { buildManageOpenApi } from '@/lib/domain/statuspage-manage/openapi';

/**
 * The OpenAPI document against the route files on disk: every (path, method) a route file
 * serves is documented, and nothing else is. A method exported as `methodNotAllowed` answers
 * 405 and is not served; the `[...unknown]` catch-all only answers 404.
 */
const ROOT = path.join(process.cwd(), 'app/api/v1/pages');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Route segment names → the document's (Statuspage's) path parameter names; others are snake_cased. */
const PARAM_NAMES: Record<string, string> = { groupId: 'id', templateId: 'id', providerId: 'metrics_provider_id' };
const paramName = (name: string) => PARAM_NAMES[name] ?? name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : entry.name === 'route.ts' ? [full] : [];
  });
}

/** `[pageId]/incidents/[incidentId]` → `/pages/{page_id}/incidents/{incident_id}`; undefined for a catch-all. */
function documentPath(file: string): string | undefined {
  const segments = path.relative(ROOT, path.dirname(file)).split(path.sep).filter(Boolean);
  if (segments.some((s) => s.startsWith('[...'))) return undefined;
  return ['/pages', ...segments.map((s) => (s.startsWith('[') ? `{${paramName(s.slice(1, -1))}}` : s))].join('/');
}

async function servedOperations(): Promise<string[]> {
  const operations = await Promise.all(
    walk(ROOT).map(async (file) => {
      const at = documentPath(file);
      if (!at) return [];
      const exports = (await import(file)) as Record<string, unknown>;
      return METHODS.filter((m) => typeof exports[m] === 'function' && exports[m] !== methodNotAllowed).map((m) => `${m} ${at}`);
    }),
  );
  return operations.flat().sort();
}

function documentedOperations(): string[] {
  const doc = buildManageOpenApi('https://status.example.com');
  return Object.entries(doc.paths as Record<string, Record<string, unknown>>)
    .flatMap(([at, item]) => METHODS.filter((m) => m.toLowerCase() in item).map((m) => `${m} ${at}`))
    .sort();
}

describe('management API OpenAPI document against the route files', () => {
  it('documents exactly the (path, method) pairs the route files serve', async () => {
    const served = await servedOperations();
    expect(served.length).toBeGreaterThan(40);
    expect(documentedOperations()).toEqual(served);
  });

  it('names every path parameter it templates', () => {
    const doc = buildManageOpenApi('https://status.example.com');
    for (const [at, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      const templated = [...at.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).sort();
      const common = (item.parameters ?? []) as { name: string; in: string }[];
      for (const method of METHODS.map((m) => m.toLowerCase()).filter((m) => m in item)) {
        const own = ((item[method] as { parameters?: { name: string; in: string }[] }).parameters ?? []);
        const named = [...common, ...own].filter((p) => p.in === 'path').map((p) => p.name);
        expect([...new Set(named)].sort(), `${method.toUpperCase()} ${at}`).toEqual(templated);
      }
    }
  });
});
