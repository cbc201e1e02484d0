import { z } from 'zod';

/** The small JSON Schema and OpenAPI pieces every part of the management API document is built from. */

/** JSON Schema of a request body, straight from the zod schema that validates it. */
export function bodySchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

export const str = { type: 'string' };
export const nullableStr = { type: ['string', 'null'] };
export const int = { type: 'integer' };
export const num = { type: 'number' };
export const time = { type: 'string', format: 'date-time' };
export const nullableTime = { type: ['string', 'null'], format: 'date-time' };
export const date = { type: 'string', format: 'date' };
export const bool = { type: 'boolean' };
export const ids = { type: 'array', items: str };
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const list = (name: string) => ({ type: 'array', items: ref(name) });
/** An object whose properties are all required (the shapes always emit every key). */
export const obj = (properties: Record<string, unknown>) => ({ type: 'object', properties, required: Object.keys(properties) });

/**
 * A request body wrapped in `key`, its schema derived from `schema`; `bare` when the route also
 * reads the object unwrapped (atlassian-python-api sends page access users that way).
 */
export function wrapped(key: string, schema: z.ZodType, extra: Record<string, unknown> = {}, opts: { bare?: boolean } = {}) {
  const object = bodySchema(schema);
  const inWrapper = { type: 'object', properties: { [key]: object, ...extra }, required: [key] };
  return {
    required: true,
    content: {
      'application/json': { schema: opts.bare ? { anyOf: [inWrapper, object] } : inWrapper },
      'application/x-www-form-urlencoded': { schema: { type: 'object', description: `Rails-style keys: ${key}[field], ${key}[list][]=…` } },
    },
  };
}

/** A request body that is not wrapped (`{ "component_ids": [...] }`, or `component_ids[]=…` as a form). */
export function unwrapped(schema: Record<string, unknown>, { required = true, form = 'Rails-style keys: component_ids[]=…' } = {}) {
  return {
    required,
    content: {
      'application/json': { schema },
      'application/x-www-form-urlencoded': { schema: { type: 'object', description: form } },
    },
  };
}

export const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
export const paging = [
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 0, default: 1 }, description: '1-based; 0 reads as 1' },
  { name: 'per_page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 100 } },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 }, description: 'alias of per_page' },
];

/** Each path's `parameters`: one required string per `{name}` its template holds. */
export function withPathParameters<T extends Record<string, Record<string, unknown>>>(paths: T): T {
  return Object.fromEntries(
    Object.entries(paths).map(([at, item]) => {
      const names = [...at.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!);
      return [at, names.length > 0 ? { parameters: names.map((name) => ({ name, in: 'path', required: true, schema: str })), ...item } : item];
    }),
  ) as T;
}
