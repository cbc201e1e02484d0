import { z } from 'zod';

/**
 * Beacon's one error hierarchy. Services (and the edges' own checks: bodies, limits) throw these;
 * each edge formats them once: lib/http/error-response.ts for the JSON APIs and for pages and
 * server actions, app/api/v1/_lib/respond.ts for the Statuspage-shaped `{ message }` of v1.
 */

/** A failure a caller can act on; `status` is the HTTP status the edge answers with. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends ServiceError {
  constructor(what: string, id: string) {
    super('not_found', `${what} ${id} was not found`, 404);
  }
}

export class ValidationError extends ServiceError {
  constructor(message: string, fields?: Record<string, string>) {
    super('invalid_input', message, 422, fields);
  }
}

export class ConflictError extends ServiceError {
  constructor(message: string, fields?: Record<string, string>) {
    super('conflict', message, 409, fields);
  }
}

/** The actor's role does not allow the action (the same answer at every edge). */
/** A credential that is missing or wrong (an integration's secret); says nothing of which. */
export class UnauthorizedError extends ServiceError {
  constructor(message = 'A valid secret is required') {
    super('unauthorized', message, 401);
  }
}

export class ForbiddenError extends ServiceError {
  constructor(readonly action: string) {
    super('forbidden', 'Your role does not allow this action', 403);
  }
}

/** A request the edge cannot read: a body that is not JSON, nested too deep, with a forbidden key. */
export class BadRequestError extends ServiceError {
  constructor(message: string, code = 'invalid_body', fields?: Record<string, string>) {
    super(code, message, 400, fields);
  }
}

/** A body over its route's limit (lib/http/body-limit.ts, counted in bytes). */
export class PayloadTooLargeError extends ServiceError {
  constructor(message: string, fields?: Record<string, string>) {
    super('payload_too_large', message, 413, fields);
  }
}

/** Something that was valid and is no longer (an expired download link). */
export class GoneError extends ServiceError {
  constructor(message: string, code = 'gone') {
    super(code, message, 410);
  }
}

/** Too many requests; every edge sends `retryAfterSeconds` as the Retry-After header. */
export class TooManyRequestsError extends ServiceError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', message, 429);
  }
}

/** Turns zod issues into a field → message map and one readable sentence. */
export function fromZodError(error: z.ZodError): ValidationError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '(body)';
    fields[key] ??= issue.message;
  }
  const message = Object.entries(fields)
    .map(([field, msg]) => `${field}: ${msg}`)
    .join('; ');
  return new ValidationError(`Invalid input: ${message}`, fields);
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** Beacon's JSON error body. */
export function errorBody(code: string, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: { code, message, ...(fields && { fields }) } };
}

/** What an edge needs to answer any thrown value: the status, Beacon's body, and the headers it requires. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  const known = error instanceof z.ZodError ? fromZodError(error) : error;
  if (known instanceof ServiceError) {
    const body = errorBody(known.code, known.message, known.fields);
    if (known instanceof TooManyRequestsError) return { status: known.status, body, headers: { 'Retry-After': String(known.retryAfterSeconds) } };
    return { status: known.status, body };
  }
  console.error(error);
  return { status: 500, body: errorBody('internal', 'Something went wrong on our side') };
}

/** Parses service input, throwing a ValidationError that names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}
