import type { z } from 'zod';
import { parsePaging, type Paging } from '@/lib/domain/statuspage-manage/paging';
import { errorJson, invalidBody } from '@/app/api/v1/_lib/respond';
import { unsafeParam } from '@/lib/http/safe-params';

/** The wrapped object of a write body (`{ "incident": {…} }`), validated; or the error response. */
export function readWrapped<S extends z.ZodType>(
  req: { body: unknown },
  wrapper: string,
  schema: S,
): { ok: true; value: z.output<S>; outer: Record<string, unknown> } | { ok: false; response: Response } {
  const body = req.body;
  if (body === undefined || typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, response: errorJson(400, 'Bad request: the body must be a JSON object or a form') };
  }
  const outer = body as Record<string, unknown>;
  const inner = outer[wrapper];
  if (inner === undefined || inner === null || typeof inner !== 'object' || Array.isArray(inner)) {
    return { ok: false, response: errorJson(400, `Bad request: ${wrapper} is required`, { [wrapper]: 'is required' }) };
  }
  const parsed = schema.safeParse(inner);
  if (!parsed.success) return { ok: false, response: invalidBody(parsed.error, wrapper) };
  return { ok: true, value: parsed.data, outer };
}

/** The page and page size of a list request; or a 400 naming the bad parameter. */
export function readPaging(req: { url: URL }, max = 100): { ok: true; paging: Paging } | { ok: false; response: Response } {
  const result = parsePaging(req.url.searchParams, max);
  if (result.ok) return result;
  return { ok: false, response: errorJson(400, `Bad request: ${result.field} must be a positive integer`, { [result.field]: 'must be a positive integer' }) };
}

/**
 * A 400 naming the first query parameter or path segment the database could not take (a NUL
 * character), before anything reads it; undefined when all are fine.
 */
export function refuseUnsafeParams(url: URL, segments: readonly string[]): Response | undefined {
  const problem = unsafeParam(url.searchParams, segments);
  return problem ? errorJson(400, `Bad request: ${problem.field} ${problem.message}`, { [problem.field]: problem.message }) : undefined;
}
