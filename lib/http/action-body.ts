/**
 * Checks a server-action request before Next.js decodes it. Next answers 500 to a body it
 * cannot decode (broken JSON, broken multipart, references to parts that are not there), to a
 * malformed Origin and to a cross-origin one; these checks refuse such requests with a 4xx
 * naming the problem instead. What a browser sends always passes.
 */
import { FILE_UPLOAD_PATH, type Refusal } from '@/lib/http/body-limit';
import { FORBIDDEN_KEYS, NOT_JSON, parseJson } from '@/lib/http/parse-body';

type Headers = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Server action ids are 42 hex digits (Next's SERVER_REFERENCE_ID_LENGTH). */
const ACTION_ID = /^[0-9a-f]{42}$/i;

/** Whether the body of this request is read by Next's server-action decoder. */
export function isActionRequest(method: string, headers: Headers, pathname?: string): boolean {
  if (headers['next-action'] !== undefined) return true;
  // The file upload is a route handler, never a page: Next does not decode its body as an action.
  if (pathname !== undefined && FILE_UPLOAD_PATH.test(pathname)) return false;
  // Next tries any multipart POST to a page as a no-JavaScript form action.
  return method.toUpperCase() === 'POST' && (first(headers['content-type']) ?? '').toLowerCase().startsWith('multipart/form-data');
}

/** The checks that need only the method and headers. */
export function checkActionHeaders(method: string, headers: Headers): Refusal | undefined {
  const actionId = first(headers['next-action']);
  const contentType = (first(headers['content-type']) ?? '').toLowerCase();
  if (actionId !== undefined) {
    if (method.toUpperCase() !== 'POST') {
      return { status: 405, code: 'method_not_allowed', message: 'A server action is called with POST', headers: { Allow: 'POST' } };
    }
    if (!ACTION_ID.test(actionId)) return { status: 400, code: 'invalid_action', message: 'Next-Action must be a server action id (42 hex digits)' };
    const type = contentType.split(';')[0]!.trim();
    if (!['multipart/form-data', 'text/plain', 'application/x-www-form-urlencoded'].includes(type)) {
      return {
        status: 415,
        code: 'unsupported_media_type',
        message: 'A server action body is multipart/form-data, text/plain or application/x-www-form-urlencoded',
      };
    }
  }
  if (contentType.startsWith('multipart/form-data') && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(contentType)) {
    return { status: 400, code: 'invalid_multipart', message: 'Content-Type multipart/form-data needs a boundary' };
  }
  const origin = first(headers.origin);
  if (origin !== undefined) {
    const forwarded = first(headers['x-forwarded-host'])?.split(',')[0]?.trim();
    const host = forwarded || first(headers.host);
    let originHost: string | undefined;
    try {
      originHost = origin === 'null' ? 'null' : new URL(origin).host;
    } catch {
      return { status: 400, code: 'invalid_origin', message: 'The Origin header is not a URL' };
    }
    if (originHost !== host) return { status: 403, code: 'cross_origin', message: 'This request did not come from this site' };
  }
  return undefined;
}

const invalidBody = (message: string): Refusal => ({ status: 400, code: 'invalid_action_body', message });

/**
 * React's reply format: JSON whose strings starting with `$` are either plain values (`$$…` an
 * escaped `$`, `$undefined`, `$NaN`, `$Infinity`, `$-Infinity`, `$-0`, `$D<date>`, `$n<bigint>`),
 * form data (`$K<id>`, multipart only) or references to other parts (`$<hex>`, `$@<hex>`), which
 * must be present. Anything else (maps, sets, blobs, streams, server references, temporary
 * references) no form of ours sends.
 */
function checkReply(root: string, part: (id: string) => string | undefined, multipart: boolean): string | undefined {
  const seen = new Set<string>();
  const visit = (text: string, label: string): string | undefined => {
    // Bounded in depth, and free of prototype keys: React revives the value recursively.
    const parsed = parseJson(text);
    if (!parsed.ok) return parsed.message === NOT_JSON ? `${label} is not valid JSON` : `${label}: ${parsed.message.replace(/^The body/, 'it')}`;
    const stack: unknown[] = [parsed.value];
    while (stack.length > 0) {
      const item = stack.pop();
      if (typeof item === 'string' && item.startsWith('$')) {
        const problem = checkToken(item);
        if (problem) return `${label}: ${problem}`;
      } else if (Array.isArray(item)) {
        for (const child of item) stack.push(child);
      } else if (item !== null && typeof item === 'object') {
        for (const child of Object.values(item)) stack.push(child);
      }
    }
    return undefined;
  };
  const checkToken = (token: string): string | undefined => {
    if (/^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D)/.test(token)) return undefined;
    if (/^\$n/.test(token)) return /^\$n-?\d{1,300}$/.test(token) ? undefined : `${token.slice(0, 40)} is not a whole number`;
    if (/^\$K[0-9a-f]+$/i.test(token)) return multipart ? undefined : 'form data needs a multipart body';
    const ref = /^\$@?([0-9a-f]+)$/i.exec(token);
    if (ref) {
      const id = String(parseInt(ref[1]!, 16));
      const text = part(id);
      if (text === undefined) return `part ${id} is referenced but missing`;
      if (seen.has(id)) return undefined;
      seen.add(id);
      return visit(text, `part ${id}`);
    }
    return `unsupported value ${JSON.stringify(token.slice(0, 12))}`;
  };
  return visit(root, 'the argument list');
}

/**
 * A form field whose name, once React's `_<n>_` prefix and a `[]` suffix are taken off, is a
 * prototype key, or a field holding a NUL character (PostgreSQL cannot store one).
 */
function fieldProblem(form: FormData): string | undefined {
  for (const [name, value] of form.entries()) {
    const bare = name.replace(/^_\d+_/, '').replace(/\[\]$/, '');
    if (FORBIDDEN_KEYS.has(bare)) return `The form may not have a field named "${bare}"`;
    if (name.includes('\u0000') || (typeof value === 'string' && value.includes('\u0000'))) {
      return `The form field ${JSON.stringify(name.replace(/\u0000/g, '\\0').slice(0, 80))} may not contain NUL characters`;
    }
  }
  return undefined;
}

/** Checks a fetch action's text body (`["arg", …]`). */
export function checkTextAction(body: string): Refusal | undefined {
  const parsed = parseJson(body);
  if (!parsed.ok) return invalidBody(parsed.message === NOT_JSON ? 'The server action body must be a JSON argument list' : `Invalid server action arguments: ${parsed.message}`);
  if (!Array.isArray(parsed.value)) return invalidBody('The server action body must be a JSON array of arguments');
  const problem = checkReply(body, () => undefined, false);
  return problem ? invalidBody(`Invalid server action arguments: ${problem}`) : undefined;
}

/** Checks a multipart action body once parsed: a fetch action's parts, or a form post's action fields. */
export function checkMultipartAction(form: FormData, fetchAction: boolean): Refusal | undefined {
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === 'string' ? value : undefined;
  };
  const problem = fieldProblem(form);
  if (problem) return invalidBody(problem);
  if (fetchAction) {
    const root = text('0');
    if (root === undefined) return invalidBody('The server action body has no argument list (part 0)');
    const parsed = parseJson(root);
    if (!parsed.ok) return invalidBody(parsed.message === NOT_JSON ? 'The server action argument list (part 0) is not valid JSON' : `Invalid server action arguments: ${parsed.message}`);
    if (!Array.isArray(parsed.value)) return invalidBody('The server action argument list (part 0) must be a JSON array');
    const problem = checkReply(root, text, true);
    return problem ? invalidBody(`Invalid server action arguments: ${problem}`) : undefined;
  }
  // A form posted without JavaScript: `$ACTION_REF_<n>` names bound arguments in `$ACTION_<n>:<part>`.
  for (const key of new Set(form.keys())) {
    if (!key.startsWith('$ACTION_REF_')) continue;
    const prefix = `$ACTION_${key.slice('$ACTION_REF_'.length)}:`;
    const meta = text(`${prefix}0`);
    if (meta === undefined) return invalidBody(`The form action ${key} has no metadata`);
    const parsed = parseJson(meta);
    if (!parsed.ok) return invalidBody(parsed.message === NOT_JSON ? `The form action metadata ${prefix}0 is not valid JSON` : `Invalid form action: ${parsed.message}`);
    const value = parsed.value;
    if (value === null || typeof value !== 'object' || typeof (value as { id?: unknown }).id !== 'string') {
      return invalidBody(`The form action metadata ${prefix}0 must name an action id`);
    }
    const problem = checkReply(meta, (id) => text(`${prefix}${id}`), true);
    if (problem) return invalidBody(`Invalid form action: ${problem}`);
  }
  return undefined;
}
