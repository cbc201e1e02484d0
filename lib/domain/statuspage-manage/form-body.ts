/**
 * Parses a request body as Statuspage clients send it: JSON whenever the text is JSON
 * (whatever the Content-Type claims), otherwise a Rails-style form such as
 * `incident[name]=x&incident[component_ids][]=a&incident[components][id]=major_outage`.
 * Returns undefined for a body that is neither.
 */
export function parseRequestBody(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    if (/^[[{"]/.test(trimmed)) return undefined;
  }
  return parseRailsForm(trimmed);
}

type Node = { [key: string]: Node | Node[] | string | string[] };

/** `a[b][c][]=v` → `{ a: { b: { c: [v] } } }`; undefined when a key is malformed. */
export function parseRailsForm(text: string): Record<string, unknown> | undefined {
  const root: Node = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!match) return undefined;
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    let node: Node = root;
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!;
      const last = i === path.length - 1;
      const nextIsList = path[i + 1] === '';
      if (key === '') return undefined; // `[]` only as the last segment, handled below
      if (last) {
        node[key] = value;
      } else if (nextIsList && i + 1 === path.length - 1) {
        const list = node[key];
        node[key] = Array.isArray(list) ? [...(list as string[]), value] : [value];
        break;
      } else {
        const child = node[key];
        if (typeof child !== 'object' || Array.isArray(child)) node[key] = {};
        node = node[key] as Node;
      }
    }
  }
  return root;
}
