import { parseForm, parseJson, type Parsed } from '@/lib/http/parse-body';

/**
 * Parses a request body as Statuspage clients send it: JSON whenever the text is JSON
 * (whatever the Content-Type claims), otherwise a Rails-style form such as
 * `incident[name]=x&incident[component_ids][]=a&incident[components][id]=major_outage`.
 * `t`/`f` booleans stay strings here; the request schemas read them. Refused, with a
 * message, for a body that is neither, or one `lib/http/parse-body` refuses.
 */
export function parseRequestBody(text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: {} };
  // Text that starts like JSON (or is a bare JSON scalar) is JSON, right or wrong; the rest is a form.
  if (/^[[{"]/.test(trimmed) || /^(?:-?\d[\d.eE+-]*|true|false|null)$/.test(trimmed)) return parseJson(trimmed);
  return parseRailsForm(trimmed);
}

/** `a[b][c][]=v` → `{ a: { b: { c: [v] } } }` on objects without a prototype; refused when a key is malformed. */
export function parseRailsForm(text: string): Parsed {
  return parseForm(text);
}
