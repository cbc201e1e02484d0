import { z } from 'zod';
import { requestFieldName } from '@/lib/domain/statuspage-manage/requests';
import { ConflictError, ServiceError, fromZodError } from '@/lib/services/errors';

/** Statuspage's documented messages (ErrorEntity). */
export const MESSAGES = {
  401: 'Could not authenticate',
  403: 'You are not authorized to access this resource.',
  404: 'The requested resource could not be found.',
  400: 'Bad request',
  422: 'Unprocessable entity',
} as const;

/** A JSON response; lists and objects are bare, as in Statuspage. */
export function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Statuspage's error body: `{ message }`, plus the offending fields when known. */
export function errorJson(status: number, message: string, fields?: Record<string, string>): Response {
  return json(status, fields ? { message, fields } : { message });
}

/**
 * The v1 edge's formatter of lib/services/errors.ts: maps a thrown error to Statuspage's error shape. Field names are given back as the client
 * sent them (`incident.scheduled_for`); conflicts are 422, as Statuspage reports any
 * refused write.
 */
export function errorResponse(error: unknown, wrapper: string, overrides: Record<string, string> = {}): Response {
  const known = error instanceof z.ZodError ? fromZodError(error) : error;
  if (known instanceof ServiceError) {
    if (known.status === 404) return errorJson(404, MESSAGES[404]);
    if (known.status === 403) return errorJson(403, MESSAGES[403]);
    const fields = known.fields
      ? Object.fromEntries(Object.entries(known.fields).map(([k, v]) => [requestFieldName(wrapper, k, overrides), v]))
      : undefined;
    const message = fields ? Object.entries(fields).map(([k, v]) => `${k} ${v}`).join('; ') : known.message;
    const status = known instanceof ConflictError ? 422 : known.status;
    return errorJson(status, known instanceof ConflictError ? `${known.message}` : message, fields);
  }
  console.error('[beacon] management API error', error);
  return errorJson(500, 'Something went wrong on our side');
}

/** A 422 for a request body that failed its schema, fields named as sent (`incident.name`). */
export function invalidBody(error: z.ZodError, wrapper: string): Response {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = [wrapper, ...issue.path.map(String)].join('.');
    fields[key] ??= issue.message;
  }
  return errorJson(422, Object.entries(fields).map(([k, v]) => `${k} ${v}`).join('; '), fields);
}
