import { z } from 'zod';

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
export class ForbiddenError extends ServiceError {
  constructor(readonly action: string) {
    super('forbidden', 'Your role does not allow this action', 403);
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

/** The one mapping from any thrown value to an HTTP status and JSON body. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  const known = error instanceof z.ZodError ? fromZodError(error) : error;
  if (known instanceof ServiceError) {
    return {
      status: known.status,
      body: { error: { code: known.code, message: known.message, ...(known.fields && { fields: known.fields }) } },
    };
  }
  console.error(error);
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side' } } };
}

/** Parses service input, throwing a ValidationError that names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}
