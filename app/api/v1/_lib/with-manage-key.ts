/**
 * The one wrapper every management API v1 route goes through.
 *
 * To add an endpoint: create `app/api/v1/pages/[pageId]/<path>/route.ts` (dynamic segments as
 * `[somethingId]`) and export one constant per method it answers:
 *
 *     export const GET = withManageKey<{ pageId: string; incidentId: string }>(async (req) =>
 *       json(200, await getManageIncident({ ctx: req.ctx, id: req.params.incidentId, pageId: req.pageId, baseUrl: req.baseUrl })),
 *       { wrapper: 'incident' });
 *
 * The wrapper has already refused a NUL in the path or the query (400), a missing or wrong key
 * (401), another page's id (404) and a body over the limit of lib/http/body-limit.ts (413, in
 * bytes); a write's body arrives parsed (JSON or a Rails-style form) as `req.body`, to be read
 * with `readWrapped`. Throw the service errors: the wrapper formats them as Statuspage's
 * `{ message, fields }`, naming fields as the client sent them (`incident.name`). Methods a
 * route does not export answer 405 (Next.js does that); the `.json` suffix of every URL is
 * removed by the rewrite in next.config.js before routing. Add the tests to app/api/v1/_tests,
 * whose harness finds route files on disk as Next does.
 */
import { parseRequestBody } from '@/lib/http/form-body';
import type { DbOrTx } from '@/lib/db/transaction';
import type { OperatorRole } from '@/lib/db/schema';
import { publicUrl } from '@/lib/env';
import { readBodyWithin } from '@/lib/http/body-limit';
import { NOT_JSON } from '@/lib/http/parse-body';
import { authenticateApiKey } from '@/lib/services/authenticate-api-key';
import { requestContext, type ServiceContext } from '@/lib/services/context';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { errorJson, errorResponse, MESSAGES } from '@/app/api/v1/_lib/respond';
import { refuseUnsafeParams } from '@/app/api/v1/_lib/util';

/** Where a request is served: the database, the clock and the public URL the shapes link to. */
export interface ManageBase {
  db: DbOrTx;
  now: () => Date;
  baseUrl: string;
}

/** What a management API handler gets once the request is authenticated and its body read. */
export interface ManageRequest<P> {
  method: string;
  url: URL;
  /** The route's dynamic segments, percent-decoded. */
  params: P;
  ctx: ServiceContext;
  role: OperatorRole;
  pageId: string;
  baseUrl: string;
  /** The parsed body of a write (JSON or form); undefined for a body that is neither. */
  body: unknown;
}

export interface ManageOptions {
  /** The key a write body wraps its object in (`incident`), used to name fields in errors. */
  wrapper?: string;
  /** Service field names the client knows by another name (`status` → `update_status`). */
  fields?: Record<string, string>;
  /** Read a DELETE's body too (the page access endpoints take a list of ids to remove). */
  deleteBody?: boolean;
}

/** A route handler as Next calls it, and `serve`, which takes the base explicitly (tests). */
export interface ManageRoute<P> {
  (request: Request, context: { params: Promise<P> }): Promise<Response>;
  serve(request: Request, params: P, base: ManageBase): Promise<Response>;
}

const WRITES = new Set(['POST', 'PATCH', 'PUT']);

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

/** Wraps a management API handler: key, page id, body and errors, in that order. */
export function withManageKey<P extends object = { pageId: string }>(
  handler: (req: ManageRequest<P>) => Promise<Response>,
  options: ManageOptions = {},
): ManageRoute<P> {
  async function serve(request: Request, params: P, base: ManageBase): Promise<Response> {
    const url = new URL(request.url);
    // Checked before the key: a NUL in the key, the path or the query would reach SQL.
    const segments = Object.values(params).flat().map(String);
    const badParam = refuseUnsafeParams(url, segments);
    if (badParam) return badParam;
    const actor = await authenticateApiKey({ ctx: base, key: apiKeyOf(request, url) });
    if (!actor) return errorJson(401, MESSAGES[401]);
    const page = await getPageSettings(base.db, base.now());
    const pageId = (params as { pageId?: string }).pageId;
    if (pageId !== undefined && pageId !== page.id) return errorJson(404, MESSAGES[404]);

    let body: unknown = undefined;
    if (WRITES.has(request.method) || (options.deleteBody && request.method === 'DELETE')) {
      const read = await readBodyWithin(request, url.pathname);
      if (!read.ok) return errorJson(413, read.message);
      const parsed = parseRequestBody(read.text);
      // A body neither JSON nor a form reads as undefined: readWrapped answers its 400.
      if (!parsed.ok && parsed.message !== NOT_JSON) return errorJson(400, `Bad request: ${parsed.message}`);
      body = parsed.ok ? parsed.value : undefined;
    }
    const ctx: ServiceContext = { db: base.db, now: base.now, actor: { type: actor.type, id: actor.id, name: actor.name, role: actor.role } };
    try {
      return await handler({ method: request.method, url, params, ctx, role: actor.role, pageId: page.id, baseUrl: base.baseUrl, body });
    } catch (error) {
      return errorResponse(error, options.wrapper ?? '', options.fields);
    }
  }

  const route = async (request: Request, context: { params: Promise<P> }) => {
    const { db, now } = await requestContext();
    // A route without dynamic segments gets no params from Next.
    return serve(request, ((await context?.params) ?? {}) as P, { db, now, baseUrl: publicUrl() });
  };
  return Object.assign(route, { serve });
}

/**
 * Exported by a route under the methods it does not serve (`export { methodNotAllowed as
 * DELETE } from …`), so a NUL or a bad key is refused first and the 405 has Statuspage's body.
 */
export const methodNotAllowed = withManageKey<Record<string, string | string[]>>(async () => errorJson(405, 'Method not allowed'));
