import fc from 'fast-check';

/** Strings attackers and broken clients send: injections, traversal, odd unicode, oversize. */
export const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE components; --",
  '" OR ""="',
  '1; SELECT sqlite_version()',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFFx\uD83D',
  '\u202Eevil\u202C',
  '\u200B\u200D\uFEFF',
  'Ω≈ç√∫˜µ≤≥÷',
  'Z̴̡̛̝̞a̷l̶g̸o̵',
  '🚨'.repeat(200),
  '{{7*7}}${7*7}',
  '${jndi:ldap://127.0.0.1/a}',
  'A'.repeat(70_000),
  '-1',
  '1e309',
  'NaN',
  'null',
  '__proto__',
];

/** Bodies that are not JSON at all, or not complete JSON. */
export const BROKEN_JSON = ['{', '{"a":', '[1,2', 'undefined', "{'single': 'quotes'}", '\u0000', '{"a":1}{"b":2}', '', '{"a":NaN}', '\uFEFF{"a":1'];

/** Byte sequences that are not UTF-8. */
export const BAD_UTF8 = [Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), Buffer.from([0xed, 0xa0, 0x80])];

/** A hostile string: one of the list, or arbitrary UTF-16 including lone surrogates. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

/** A value of the wrong type wherever a string is expected. */
export const notAString: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 3 }),
);

/** Any JSON-ish value, hostile strings included. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(hostileString, notAString);

/** JSON text that does not parse: the fixed list, or valid JSON cut short. */
export const brokenJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...BROKEN_JSON),
  fc
    .json({ maxDepth: 2 })
    .filter((s) => s.length > 1)
    .map((s) => s.slice(0, -1))
    .filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    }),
);

/** JSON bodies whose root is not an object: no write route takes one. */
export const notAnObject: fc.Arbitrary<unknown> = fc.oneof(hostileString, fc.integer(), fc.boolean(), fc.constant(null), fc.array(hostileValue, { maxLength: 4 }));

/** Percent-encodes the UTF-8 bytes of a string for a path segment (lone surrogates become U+FFFD). */
export function encodeSegment(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** Path parameters that try to leave their segment or smuggle markup and SQL. */
export const TRAVERSAL_SEGMENTS = ['..%2F..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '%2E%2E', '..%5C..%5Cwindows', '%252e%252e%252f', '%00', '%C0%AE%C0%AE%2F', '.%2e/.%2e/etc/passwd'];

/** A deterministic sample, so a failure can be replayed from its seed. */
export function sample<T>(arbitrary: fc.Arbitrary<T>, count: number, seed: number): T[] {
  return fc.sample(arbitrary, { numRuns: count, seed });
}

/** Not a string and not null: wrong for any string field, optional ones included. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.array(hostileString, { minLength: 1, maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), hostileString, { minKeys: 1, maxKeys: 3 }));

/** A management API body (`{ "incident": {…} }`) that no schema accepts: the wrapper is not an object, or its name is not a string. */
export function wrappedBody(wrapper: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.record({ [wrapper]: notAnObject }),
    fc.record({ [wrapper]: fc.record({ name: wrongType, status: hostileString, body: hostileValue, component_ids: hostileValue }, { requiredKeys: ['name'] }) }),
  );
}

/** A subscription body that is never a valid one: an unknown type, or no usable address. */
export function subscriptionBody(): fc.Arbitrary<unknown> {
  const noAddress = hostileString.filter((s) => !s.includes('@') && !s.includes('://'));
  return fc.oneof(
    fc.record({ type: hostileString.filter((s) => s !== 'email' && s !== 'webhook'), email: hostileValue, url: hostileValue }),
    fc.record({ type: fc.constant('email'), email: fc.oneof(wrongType, noAddress), component_ids: hostileValue }),
    fc.record({ type: fc.constant('webhook'), url: fc.oneof(wrongType, noAddress), events: hostileValue }),
  );
}

/** A server action's argument list with values of any type where a form is expected. */
export const actionArgs: fc.Arbitrary<unknown[]> = fc.array(hostileValue, { maxLength: 4 });

/** Keys that reach an object's prototype when a parser walks them into `{}`. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Rails-style form bodies with a prototype key at the top, nested, and in a list. */
export const PROTOTYPE_FORMS = [
  '__proto__[then]=x',
  '__proto__[isAdmin]=1',
  'incident[__proto__][then]=x',
  'constructor[prototype][then]=x',
  'incident[name]=x&incident[constructor][prototype][status]=x',
  'incident[component_ids][]=a&__proto__[]=x',
  'incident[prototype]=1&incident[name]=x',
];

/** JSON bodies with a prototype key at the top, nested, and inside a list (written as text on purpose). */
export const PROTOTYPE_JSON = [
  '{"__proto__":{"then":"x"}}',
  '{"incident":{"name":"x","__proto__":{"then":"x"}}}',
  '{"incident":{"name":"x","components":[{"constructor":{"prototype":{"then":"x"}}}]}}',
  '{"type":"email","email":"noc@example.com","__proto__":{"then":"x"}}',
  '{"type":"webhook","url":"https://hooks.example.com/x","constructor":{"prototype":{"then":1}}}',
  '[{"__proto__":{"then":"x"}}]',
];

/** Bodies nested far deeper than any request: JSON 5,000 levels down, and a form key 5,000 brackets long. */
export const NESTED_BODIES = [
  `{"url":${'['.repeat(5000)}"x"${']'.repeat(5000)}}`,
  `{"incident":{"name":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`,
  '['.repeat(100_000),
];
export const NESTED_FORMS = [`incident${'[a]'.repeat(5000)}=x`];

/** NUL bytes, percent-encoded, as a query or path value: PostgreSQL refuses them in text. */
export const NUL_VALUES = ['%00', 'a%00b', '%00%00', '2026-01-01T00%3A00%3A00Z%00'];

/** Every query parameter some route or page reads. */
export const QUERY_PARAMS = ['q', 'page', 'per_page', 'limit', 'api_key', 'type', 'state', 'sort_field', 'sort_direction', 'component', 'status', 'kind', 'entity', 'actor', 'before', 'id', '_rsc'];

/** Dates no parser should turn into a query: out of range, impossible, past JavaScript's limit, not dates. */
export const MALFORMED_DATES = ['2026-13-45T99:99:99Z', 'not-a-date', '275760-09-13T00:00:00.001Z', '0000-00-00', '2026-02-30', '1e309'];

/**
 * Hostile values for one query parameter, each a query string of its own: NUL bytes, a huge
 * value, malformed dates and numbers, the parameter repeated or as a list or map, and
 * prototype keys around it. Huge stays under Node's 16 KB header limit, so the app reads it.
 */
export function hostileQuery(name: string): string[] {
  return [
    ...NUL_VALUES.map((v) => `${name}=${v}`),
    `${name}=${'A'.repeat(8_000)}`,
    `${name}=${encodeSegment('🚨'.repeat(600))}`,
    ...MALFORMED_DATES.map((d) => `${name}=${encodeSegment(d)}`),
    `${name}=-1`,
    `${name}=99999999999999999999`,
    `${name}=1&${name}=2`,
    `${name}[]=1`,
    `${name}[0]=a&${name}[1]=b`,
    `${name}[__proto__]=x`,
    `${name}=__proto__`,
    `__proto__=x&${name}=x`,
    `${name}[constructor][prototype]=x`,
    `${name}=${encodeSegment("' OR 1=1 --")}`,
  ];
}
