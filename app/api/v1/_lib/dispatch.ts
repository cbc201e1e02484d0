import { parseRequestBody } from '@/lib/domain/statuspage-manage/form-body';
import { toManagePage } from '@/lib/domain/statuspage-manage/shapes';
import type { DbOrTx } from '@/lib/db/transaction';
import { authenticateApiKey } from '@/lib/services/authenticate-api-key';
import { getPageSettings } from '@/lib/services/page-settings';
import { componentGroups, components } from '@/app/api/v1/_lib/components';
import { incidents } from '@/app/api/v1/_lib/incidents';
import { errorJson, json, MESSAGES } from '@/app/api/v1/_lib/respond';
import { NOT_JSON } from '@/lib/http/parse-body';
import { subscribers } from '@/app/api/v1/_lib/subscribers';
import { incidentTemplates } from '@/app/api/v1/_lib/templates';
import { refuseUnsafeParams } from '@/app/api/v1/_lib/util';
import type { Handler } from '@/app/api/v1/_lib/types';

const RESOURCES: Record<string, Handler> = {
  incidents,
  components,
  'component-groups': componentGroups,
  incident_templates: incidentTemplates,
  subscribers,
};

const MAX_BODY = 256 * 1024;

/** The key from `Authorization: OAuth <key>` (any case), `Bearer <key>`, a bare key, or `?api_key=`. */
export function apiKeyOf(request: Request, url: URL): string | undefined {
  const header = request.headers.get('authorization')?.trim();
  if (header) {
    const match = /^(?:oauth|bearer)\s+(\S+)$/i.exec(header);
    if (match) return match[1];
    return /^\S+$/.test(header) ? header : undefined;
  }
  return url.searchParams.get('api_key') ?? undefined;
}

const stripJson = (segment: string) => segment.replace(/\.json$/, '');

/** GET /api/v1/pages: Beacon serves one page, so the list holds it alone. */
export async function handlePagesList(request: Request, base: { db: DbOrTx; now: () => Date; baseUrl: string }): Promise<Response> {
  const actor = await authenticateApiKey({ ctx: base, key: apiKeyOf(request, new URL(request.url)) });
  if (!actor) return errorJson(401, MESSAGES[401]);
  return json(200, [toManagePage(await getPageSettings(base.db, base.now()), base.baseUrl)]);
}

/**
 * Serves /api/v1/pages/{page_id}/… : authenticates the key, checks the page id, routes by
 * path (with or without `.json`) and hands over to the resource's handler.
 */
export async function handleManageApi(
  request: Request,
  route: { pageId: string; path: readonly string[] },
  base: { db: DbOrTx; now: () => Date; baseUrl: string },
): Promise<Response> {
  const url = new URL(request.url);
  // Checked before the key: a NUL in the key, the path or the query would reach SQL.
  const badParam = refuseUnsafeParams(url, [route.pageId, ...route.path]);
  if (badParam) return badParam;
  const actor = await authenticateApiKey({ ctx: base, key: apiKeyOf(request, url) });
  if (!actor) return errorJson(401, MESSAGES[401]);
  const page = await getPageSettings(base.db, base.now());
  if (stripJson(route.pageId) !== page.id) return errorJson(404, MESSAGES[404]);

  const [resource, id, ...rest] = route.path.map(stripJson);
  if (resource === undefined) {
    if (request.method !== 'GET') return errorJson(405, 'Method not allowed');
    return json(200, toManagePage(page, base.baseUrl));
  }
  // Own keys only: `/__proto__` or `/constructor` must not find a handler on Object.prototype.
  const handler = Object.hasOwn(RESOURCES, resource) ? RESOURCES[resource] : undefined;
  if (!handler || (rest.length > 0 && resource !== 'incidents')) return errorJson(404, MESSAGES[404]);

  let body: unknown = undefined;
  if (request.method === 'POST' || request.method === 'PATCH' || request.method === 'PUT') {
    const text = await request.text();
    if (text.length > MAX_BODY) return errorJson(413, 'Request body too large');
    const parsed = parseRequestBody(text);
    // A body neither JSON nor a form reads as undefined: each handler answers its own 400.
    if (!parsed.ok && parsed.message !== NOT_JSON) return errorJson(400, `Bad request: ${parsed.message}`);
    body = parsed.ok ? parsed.value : undefined;
  }
  return handler({
    method: request.method,
    url,
    ctx: { db: base.db, now: base.now, actor: { type: actor.type, id: actor.id, name: actor.name, role: actor.role } },
    role: actor.role,
    pageId: page.id,
    baseUrl: base.baseUrl,
    id,
    rest,
    body,
  });
}
