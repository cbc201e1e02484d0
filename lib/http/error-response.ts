import { toErrorResponse } from '@/lib/services/errors';

/**
 * The formatters of Beacon's own edges, one each (the Statuspage-shaped v1 API has its own in
 * app/api/v1/_lib/respond.ts). Both read lib/services/errors.ts, so a status, a code or a
 * Retry-After means the same everywhere.
 */

/** Beacon's JSON APIs: `{ error: { code, message, fields? } }` with the error's status and headers (Retry-After on a 429). */
export function jsonErrorResponse(error: unknown): Response {
  const { status, body, headers } = toErrorResponse(error);
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/** Pages and server actions: the message to show and the fields to mark; a fault of ours is said plainly. */
export function actionError(error: unknown, internal?: string): { error: string; fields?: Record<string, string> } {
  const { status, body } = toErrorResponse(error);
  if (status >= 500) return { error: internal ?? body.error.message };
  return { error: body.error.message, ...(body.error.fields && { fields: body.error.fields }) };
}
