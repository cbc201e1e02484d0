import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRequestBody } from '@/lib/http/form-body';
import { checkMultipartAction, checkTextAction } from '@/lib/http/action-body';
import { formToObject } from '@/lib/http/form-data';
import { FORBIDDEN_KEYS, parseForm, parseJson } from '@/lib/http/parse-body';

const SEED = 0x9a85e;
const HOSTILE = ['__proto__', 'constructor', 'prototype'] as const;

/** Every own key of Object.prototype, and any property someone may have planted on it. */
const prototypeKeys = () => Reflect.ownKeys(Object.prototype).map(String).sort();
const CLEAN = prototypeKeys();

/** Whether any object or list inside `value` has a hostile own key or a non-standard prototype. */
function hostileInside(value: unknown): string | undefined {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== 'object') continue;
    const proto = Object.getPrototypeOf(item);
    if (proto !== null && proto !== Object.prototype && proto !== Array.prototype) return 'a planted prototype';
    for (const key of Object.keys(item)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      stack.push((item as Record<string, unknown>)[key]);
    }
  }
  return undefined;
}

const segment = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 3, arbitrary: fc.stringMatching(/^[a-z_]{1,8}$/) });

/** A Rails form key with a hostile segment somewhere: `a[__proto__][b]`, `constructor[prototype][]`… */
const hostileFormKey = fc
  .tuple(fc.array(segment, { minLength: 0, maxLength: 4 }), fc.constantFrom(...HOSTILE), fc.array(segment, { maxLength: 3 }), fc.boolean())
  .map(([before, hostile, after, list]) => {
    const path = [...before, hostile, ...after];
    return `${path[0]}${path.slice(1).map((s) => `[${s}]`).join('')}${list ? '[]' : ''}`;
  });

/** A JSON value with a hostile key at some depth, inside objects and lists. */
const hostileJson: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.oneof(segment, fc.constant('[]')), { maxLength: 5 }), fc.constantFrom(...HOSTILE), fc.jsonValue({ maxDepth: 2 }))
  .map(([path, hostile, leaf]) => {
    // Written as text: an object literal with `__proto__` would set the prototype instead of a key.
    let text = `{${JSON.stringify(hostile)}:${JSON.stringify(leaf) ?? 'null'}}`;
    for (const step of path.reverse()) text = step === '[]' ? `[1,${text}]` : `{${JSON.stringify(step)}:${text},"z":1}`;
    return text;
  });

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

afterEach(() => {
  expect(prototypeKeys()).toEqual(CLEAN);
  expect(({} as Record<string, unknown>).then).toBeUndefined();
});

describe('every body parser, with keys that reach a prototype', () => {
  it('refuses them in JSON (v1 bodies, POST /api/subscriptions, server-action arguments)', () => {
    fc.assert(
      fc.property(hostileJson, (text) => {
        for (const parsed of [parseJson(text), parseRequestBody(text)]) {
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.message).toMatch(/may not use the key "(__proto__|constructor|prototype)"/);
        }
        expect(checkTextAction(`[${text}]`)?.status).toBe(400);
        expect(checkMultipartAction(form([['0', `[${text}]`]]), true)?.status).toBe(400);
        expect(checkMultipartAction(form([['0', '["$1"]'], ['1', text]]), true)?.status).toBe(400);
        expect(prototypeKeys()).toEqual(CLEAN);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('refuses them in Rails forms (v1 bodies, one-click unsubscribe)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,5}(\[[a-z]{1,5}\])?$/), fc.string()), { maxLength: 3 }), hostileFormKey, fc.string(), (safe, key, value) => {
        const text = new URLSearchParams([...safe, [key, value]]).toString();
        for (const parsed of [parseForm(text), parseRequestBody(text)]) {
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.message).toMatch(/may not use the key/);
        }
        expect(prototypeKeys()).toEqual(CLEAN);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('drops them from server-action form data and refuses them at the action guard', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HOSTILE), fc.boolean(), fc.string(), (hostile, list, value) => {
        const name = `${hostile}${list ? '[]' : ''}`;
        const object = formToObject(form([['name', 'API'], [name, value], [name, value]]));
        expect(hostileInside(object)).toBeUndefined();
        expect(object.name).toBe('API');
        expect(checkMultipartAction(form([['0', '[{},"$K1"]'], [`_1_${name}`, value]]), true)).toMatchObject({ status: 400, message: expect.stringMatching(hostile) });
        expect(checkMultipartAction(form([[name, value]]), false)?.status).toBe(400);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('gives results free of such keys and prototypes for the bodies it accepts', () => {
    const key = fc.oneof(fc.stringMatching(/^[a-z0-9_]{1,10}$/), fc.string({ maxLength: 6 }).filter((s) => !/[[\]\u0000]/.test(s) && s !== '' && !FORBIDDEN_KEYS.has(s)));
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.tuple(key, key, fc.string()), { maxLength: 6 }), (json, fields) => {
        const fromJson = parseJson(JSON.stringify(json));
        if (fromJson.ok) expect(hostileInside(fromJson.value)).toBeUndefined();
        const fromForm = parseForm(new URLSearchParams(fields.map(([a, b, v]) => [`${a}[${b}]`, v])).toString());
        if (fromForm.ok) expect(hostileInside(fromForm.value)).toBeUndefined();
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('nesting and NUL characters', () => {
  it('refuses 5,000 levels of JSON before parsing it, and deep form keys', () => {
    const deep = `{"url":${'['.repeat(5000)}1${']'.repeat(5000)}}`;
    expect(parseJson(deep)).toEqual({ ok: false, message: 'The body is nested more than 32 levels deep' });
    expect(checkTextAction(`[${deep}]`)?.message).toMatch(/nested more than 32/);
    expect(parseForm(`a${'[b]'.repeat(5000)}=1`)).toMatchObject({ ok: false, message: expect.stringMatching(/nested more than 32/) });
    // Brackets inside strings are text, not nesting.
    expect(parseJson(JSON.stringify({ name: '['.repeat(5000) })).ok).toBe(true);
  });

  it('refuses a NUL character in a value or a key, naming where', () => {
    expect(parseJson('{"a":{"b":["x","y\\u0000"]}}')).toEqual({ ok: false, message: 'The body may not contain NUL characters (at a.b.1)' });
    expect(parseJson('{"a\\u0000":1}').ok).toBe(false);
    expect(parseForm('a[b]=%00').ok).toBe(false);
    expect(checkMultipartAction(form([['0', '[{},"$K1"]'], ['_1_name', 'a\u0000b']]), true)?.message).toMatch(/NUL/);
  });

  it('reads lists of hashes as Rails does: a key seen again starts the next item', () => {
    const parsed = parseForm('data[m1][][timestamp]=1&data[m1][][value]=2&data[m1][][timestamp]=3&data[m1][][value]=4&data[m2][][value]=5');
    expect(parsed.ok && JSON.parse(JSON.stringify(parsed.value))).toEqual({
      data: { m1: [{ timestamp: '1', value: '2' }, { timestamp: '3', value: '4' }], m2: [{ value: '5' }] },
    });
    expect(parsed.ok && Object.getPrototypeOf((parsed.value as { data: { m1: object[] } }).data.m1[0])).toBe(null);
    expect(parseForm('a[][b][c]=1&a[][b][d]=2&a[][b][c]=3')).toMatchObject({ ok: true, value: { a: [{ b: { c: '1', d: '2' } }, { b: { c: '3' } }] } });
    // Two `[]`, a prototype key inside an item, and plain values mixed with fields are refused.
    expect(parseForm('a[][][b]=1').ok).toBe(false);
    expect(parseForm('a[][__proto__][x]=1')).toMatchObject({ ok: false, message: expect.stringMatching(/__proto__/) });
    expect(parseForm('a[]=1&a[][b]=2').ok).toBe(false);
    expect(parseForm('a[][b]=2&a[]=1').ok).toBe(false);
    expect(parseForm(Array.from({ length: 501 }, (_, i) => `a[][b]=${i}`).join('&')).ok).toBe(false);
  });

  it('bounds forms in fields and list items', () => {
    expect(parseForm(Array.from({ length: 1001 }, (_, i) => `f${i}=1`).join('&')).ok).toBe(false);
    expect(parseForm(Array.from({ length: 501 }, (_, i) => `a[]=${i}`).join('&')).ok).toBe(false);
    expect(parseForm(Array.from({ length: 500 }, (_, i) => `a[]=${i}`).join('&'))).toMatchObject({ ok: true });
  });
});
