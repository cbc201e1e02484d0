import { QueryText } from '@/lib/services/schemas';

/**
 * The first query parameter or path segment that no query may carry (a NUL character), named
 * as the client sent it, with the reason; undefined when all are fine.
 */
export function unsafeParam(params: URLSearchParams, segments: readonly string[] = []): { field: string; message: string } | undefined {
  for (const [name, value] of params) {
    for (const [field, text] of [[name, name], [name, value]] as const) {
      const result = QueryText.safeParse(text);
      if (!result.success) return { field: field.replace(/\u0000/g, '\\0'), message: result.error.issues[0]!.message };
    }
  }
  for (const segment of segments) {
    const result = QueryText.safeParse(segment);
    if (!result.success) return { field: 'path', message: result.error.issues[0]!.message };
  }
  return undefined;
}
