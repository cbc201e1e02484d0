import fc from 'fast-check';

/** Strings attackers and broken clients send: injections, traversal, odd unicode, oversize. */
export const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE components; --",
  '" OR ""="',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%00',
  '\u0000',
  '\uD800',
  '\u202Eevil\u202C',
  '\u200B\u200D\uFEFF',
  'Ω≈ç√∫˜µ≤≥÷',
  '🚨'.repeat(500),
  '{{7*7}}${7*7}',
  '${jndi:ldap://127.0.0.1/a}',
  'A'.repeat(70_000),
  '-1',
  '1e309',
  'NaN',
  'null',
];

/** Bodies that are not valid JSON at all. */
export const BROKEN_JSON = ['{', '{"a":', '[1,2', 'undefined', "{'single': 'quotes'}", '\u0000', '{"a":1}{"b":2}', ''];

/** JSON values of every shape, with hostile strings mixed in, for a field of any expected type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 10)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.constantFrom(...HOSTILE_STRINGS.slice(0, 10)), { maxKeys: 3 }),
);

/** Objects shaped like what a route expects (its field names) but with hostile values. */
export function hostileBody(fields: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.record(Object.fromEntries(fields.map((f) => [f, hostileValue])), { requiredKeys: [] }),
    fc.jsonValue({ maxDepth: 3 }),
    hostileValue,
  );
}

/** A deterministic sample, so a failure can be replayed from its seed. */
export function sample<T>(arbitrary: fc.Arbitrary<T>, count: number, seed: number): T[] {
  return fc.sample(arbitrary, { numRuns: count, seed });
}
