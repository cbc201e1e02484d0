import { FORBIDDEN_KEYS } from '@/lib/http/parse-body';

/**
 * The form a server action was called with. A hand-made request can send any value as the
 * "form" (a string, a number, an object); treat anything but FormData as an empty form, so the
 * action answers with its usual "is required" messages instead of failing.
 */
export function formDataOf(form: unknown): FormData {
  return form instanceof FormData ? form : new FormData();
}

/**
 * FormData as a plain object without a prototype; `name[]` fields become arrays, checkboxes
 * "on" become true. Fields named `__proto__`, `constructor` or `prototype` are dropped: no form
 * of ours has them, and they must not reach an object's prototype.
 */
export function formToObject(form: unknown): Record<string, unknown> {
  const result: Record<string, unknown> = Object.create(null);
  for (const [rawKey, value] of formDataOf(form).entries()) {
    if (rawKey.startsWith('$ACTION')) continue;
    if (typeof value !== 'string') continue;
    const list = rawKey.endsWith('[]');
    const key = list ? rawKey.slice(0, -2) : rawKey;
    if (FORBIDDEN_KEYS.has(key)) continue;
    if (list) {
      const existing = result[key];
      result[key] = Array.isArray(existing) ? [...(existing as string[]), value] : [value];
    } else {
      result[key] = value === 'on' ? true : value;
    }
  }
  return result;
}
