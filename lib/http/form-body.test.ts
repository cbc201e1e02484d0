import { describe, expect, it } from 'vitest';
import { parseRailsForm, parseRequestBody } from '@/lib/http/form-body';

const value = (text: string) => {
  const parsed = parseRequestBody(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

describe('parseRequestBody', () => {
  it('reads JSON whatever the content type', () => {
    expect(value('{"incident":{"name":"x"}}')).toEqual({ incident: { name: 'x' } });
    expect(value('  ')).toEqual({});
  });

  it('reads Rails-style forms with lists and maps', () => {
    const body = value(
      'incident[name]=VPN%20down&incident[status]=identified&incident[component_ids][]=a1&incident[component_ids][]=b2&incident[components][a1]=major_outage&incident[deliver_notifications]=f',
    );
    expect(body).toEqual({
      incident: {
        name: 'VPN down',
        status: 'identified',
        component_ids: ['a1', 'b2'],
        components: { a1: 'major_outage' },
        deliver_notifications: 'f',
      },
    });
  });

  it('keeps numeric map keys as keys, as Rails does, not as list positions', () => {
    expect(value('incident[components][5]=major_outage')).toEqual({ incident: { components: { '5': 'major_outage' } } });
  });

  it('rejects broken JSON and malformed keys', () => {
    expect(parseRequestBody('{"incident":').ok).toBe(false);
    expect(parseRailsForm('incident[name=x')).toMatchObject({ ok: false, message: expect.stringMatching(/incident\[name/) });
    expect(parseRailsForm('incident[][][name]=x').ok).toBe(false);
    // A list of hashes is Rails syntax: parsed, and left to the handler to refuse where it wants an object.
    expect(parseRailsForm('incident[][name]=x')).toMatchObject({ ok: true, value: { incident: [{ name: 'x' }] } });
  });

  it('refuses keys that reach a prototype, and leaves Object.prototype alone', () => {
    for (const text of ['__proto__[then]=x', 'incident[__proto__][x]=1', 'constructor[prototype][x]=1', 'incident[prototype]=1', '{"__proto__":{"then":"x"}}', '{"incident":[{"constructor":{"prototype":{"x":1}}}]}']) {
      const parsed = parseRequestBody(text);
      expect(parsed, text).toMatchObject({ ok: false, message: expect.stringMatching(/may not use the key "(__proto__|constructor|prototype)"/) });
    }
    expect(({} as Record<string, unknown>).then).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses nesting deeper than 32 levels, in JSON and in forms', () => {
    expect(parseRequestBody(`{"url":${'['.repeat(5000)}${']'.repeat(5000)}}`)).toMatchObject({ ok: false, message: expect.stringMatching(/nested more than 32/) });
    expect(parseRequestBody(`a${'[b]'.repeat(40)}=1`)).toMatchObject({ ok: false, message: expect.stringMatching(/nested more than 32/) });
    expect(parseRequestBody(`{"a":${'['.repeat(31)}${']'.repeat(31)}}`).ok).toBe(true);
  });

  it('refuses NUL characters, which PostgreSQL cannot store', () => {
    expect(parseRequestBody('incident[name]=a%00b')).toMatchObject({ ok: false, message: expect.stringMatching(/NUL/) });
    expect(parseRequestBody('{"incident":{"name":"a\\u0000b"}}')).toMatchObject({ ok: false, message: expect.stringMatching(/NUL.*incident\.name/) });
  });
});
