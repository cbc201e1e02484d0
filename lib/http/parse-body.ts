/**
 * The one place request bodies become values. Every parser here refuses, with a message a
 * client can act on, what would let a body steer the process or crash it: keys that reach an
 * object's prototype (`__proto__`, `constructor`, `prototype`), nesting deep enough to overflow
 * a recursive reader, and NUL characters, which PostgreSQL refuses in text.
 */

/** How deeply a body may nest objects and lists; no request of ours comes close. */
export const MAX_DEPTH = 32;
/** Form fields in one body, and items in one `name[]` list. */
export const MAX_FORM_FIELDS = 1000;
export const MAX_FORM_LIST = 500;

/** Keys that name an object's prototype machinery rather than data. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The message for text that is not JSON at all (as opposed to JSON that is refused). */
export const NOT_JSON = 'The body is not valid JSON';

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const refuse = (message: string): Parsed => ({ ok: false, message });
const at = (path: readonly string[]) => (path.length ? ` (at ${path.join('.')})` : '');

/** Whether a string holds a NUL character (PostgreSQL cannot store one in text). */
export function hasNul(value: string): boolean {
  return value.includes('\u0000');
}

/**
 * What is wrong with an already-parsed value, walked without recursion: too deep, a
 * forbidden key, or a NUL character in a key or a string. Undefined when it is fine.
 */
export function problemWith(value: unknown, maxDepth = MAX_DEPTH): string | undefined {
  const stack: [unknown, string[]][] = [[value, []]];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (path.length > maxDepth) return `The body is nested more than ${maxDepth} levels deep`;
    if (typeof item === 'string') {
      if (hasNul(item)) return `The body may not contain NUL characters${at(path)}`;
    } else if (Array.isArray(item)) {
      item.forEach((child, i) => stack.push([child, [...path, String(i)]]));
    } else if (item !== null && typeof item === 'object') {
      for (const key of Object.keys(item)) {
        if (FORBIDDEN_KEYS.has(key)) return `The body may not use the key "${key}"${at(path)}`;
        if (hasNul(key)) return `The body may not contain NUL characters${at(path)}`;
        stack.push([(item as Record<string, unknown>)[key], [...path, key]]);
      }
    }
  }
  return undefined;
}

/** The deepest nesting of `[` and `{` in JSON text, strings skipped; found before parsing it. */
function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return depth;
}

/** JSON text → value; refused when it is not JSON or when `problemWith` finds a problem. */
export function parseJson(text: string, maxDepth = MAX_DEPTH): Parsed {
  // Refuse deep nesting before JSON.parse builds it, so no reader later recurses through it.
  if (jsonDepth(text, maxDepth) > maxDepth) return refuse(`The body is nested more than ${maxDepth} levels deep`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse(NOT_JSON);
  }
  const problem = problemWith(value, maxDepth);
  return problem ? refuse(problem) : { ok: true, value };
}

type FormNode = { [key: string]: FormNode | string | string[] | FormNode[] };

/**
 * `a[b][c]` → ['a', 'b', 'c'] and whether it ends in `[]`; `a[b][][c]` (a list of hashes, as Rails
 * reads it) → the path to the list and the path within each item. Undefined for a malformed key.
 */
function formPath(rawKey: string): { path: string[]; list: boolean; item?: string[] } | undefined {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
  if (!match) return undefined;
  const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
  const list = path.at(-1) === '';
  if (list) path.pop();
  const gap = path.indexOf('');
  if (gap === -1) return { path, list };
  // One `[]` inside the key, then named segments: `data[id][][timestamp]`.
  const item = path.slice(gap + 1);
  if (list || item.includes('')) return undefined;
  return { path: path.slice(0, gap), list: false, item };
}

/** Whether `node` already holds a value at `path` (Rails starts the next list item then). */
function holds(node: FormNode, path: readonly string[]): boolean {
  let at: unknown = node;
  for (const segment of path) {
    if (typeof at !== 'object' || at === null || Array.isArray(at) || !(segment in at)) return false;
    at = (at as FormNode)[segment];
  }
  return true;
}

/** The object at `path` under `node`, made (replacing any value there) where missing. */
function descend(node: FormNode, path: readonly string[]): FormNode {
  for (const segment of path) {
    const child = node[segment];
    if (typeof child !== 'object' || Array.isArray(child)) node[segment] = Object.create(null) as FormNode;
    node = node[segment] as FormNode;
  }
  return node;
}

/**
 * An `application/x-www-form-urlencoded` body with Rails-style keys (`a[b][c]=v`, `a[list][]=v`,
 * and lists of hashes `a[list][][k]=v`, a key seen again starting the next item) → nested objects
 * without a prototype. Values stay strings.
 */
export function parseForm(text: string, maxDepth = MAX_DEPTH): Parsed {
  const root: FormNode = Object.create(null);
  let fields = 0;
  for (const [rawKey, value] of new URLSearchParams(text)) {
    if (++fields > MAX_FORM_FIELDS) return refuse(`The form has more than ${MAX_FORM_FIELDS} fields`);
    const parsed = formPath(rawKey);
    if (!parsed) return refuse(`The form field name ${JSON.stringify(rawKey.slice(0, 80))} is not of the form name[key][]`);
    const { path, list, item } = parsed;
    const label = rawKey.slice(0, 80);
    if (path.length + (item ? item.length + 1 : 0) > maxDepth) return refuse(`The form field ${label} is nested more than ${maxDepth} levels deep`);
    const forbidden = [...path, ...(item ?? [])].find((segment) => FORBIDDEN_KEYS.has(segment));
    if (forbidden) return refuse(`The body may not use the key "${forbidden}" (in ${label})`);
    if (hasNul(rawKey) || hasNul(value)) return refuse(`The body may not contain NUL characters (in ${label})`);
    const node = descend(root, path.slice(0, -1));
    const last = path.at(-1)!;
    if (item) {
      let items = node[last];
      if (!Array.isArray(items)) node[last] = items = [] as FormNode[];
      if (items.some((i) => typeof i === 'string')) return refuse(`The form list ${label} mixes plain values and fields`);
      const hashes = items as FormNode[];
      let current = hashes.at(-1);
      if (!current || holds(current, item)) {
        if (hashes.length >= MAX_FORM_LIST) return refuse(`The form list ${label} has more than ${MAX_FORM_LIST} items`);
        hashes.push((current = Object.create(null) as FormNode));
      }
      descend(current, item.slice(0, -1))[item.at(-1)!] = value;
      continue;
    }
    if (!list) {
      node[last] = value;
      continue;
    }
    const existing = node[last];
    if (!Array.isArray(existing)) node[last] = [value];
    else if (existing.some((i) => typeof i !== 'string')) return refuse(`The form list ${label} mixes plain values and fields`);
    else if (existing.length >= MAX_FORM_LIST) return refuse(`The form list ${label} has more than ${MAX_FORM_LIST} items`);
    else (existing as string[]).push(value);
  }
  return { ok: true, value: root };
}
