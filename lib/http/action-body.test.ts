import { describe, expect, it } from 'vitest';
import { checkActionHeaders, checkMultipartAction, checkTextAction, isActionRequest } from '@/lib/http/action-body';

const ID = '7f'.repeat(21);
const browser = { 'next-action': ID, 'content-type': 'multipart/form-data; boundary=----x', origin: 'http://beacon.test', host: 'beacon.test' };

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};

describe('checkActionHeaders', () => {
  it('lets what a browser sends through', () => {
    expect(checkActionHeaders('POST', browser)).toBeUndefined();
    expect(checkActionHeaders('POST', { ...browser, 'content-type': 'text/plain;charset=UTF-8' })).toBeUndefined();
    expect(checkActionHeaders('POST', { ...browser, origin: undefined })).toBeUndefined();
    expect(checkActionHeaders('POST', { ...browser, host: 'internal:3000', 'x-forwarded-host': 'beacon.test, proxy' })).toBeUndefined();
  });

  it('names each problem', () => {
    expect(checkActionHeaders('GET', browser)).toMatchObject({ status: 405 });
    expect(checkActionHeaders('POST', { ...browser, 'next-action': '../../etc/passwd' })).toMatchObject({ status: 400, code: 'invalid_action' });
    expect(checkActionHeaders('POST', { ...browser, 'content-type': 'application/json' })).toMatchObject({ status: 415 });
    expect(checkActionHeaders('POST', { ...browser, 'content-type': undefined })).toMatchObject({ status: 415 });
    expect(checkActionHeaders('POST', { ...browser, 'content-type': 'multipart/form-data' })).toMatchObject({ status: 400, code: 'invalid_multipart' });
    expect(checkActionHeaders('POST', { ...browser, origin: 'not a url' })).toMatchObject({ status: 400, code: 'invalid_origin' });
    expect(checkActionHeaders('POST', { ...browser, origin: 'https://evil.example' })).toMatchObject({ status: 403, code: 'cross_origin' });
    expect(checkActionHeaders('POST', { ...browser, origin: 'null' })).toMatchObject({ status: 403 });
  });

  it('treats any multipart POST as a possible form action', () => {
    expect(isActionRequest('POST', { 'content-type': 'multipart/form-data; boundary=x' })).toBe(true);
    expect(isActionRequest('POST', { 'content-type': 'application/json' })).toBe(false);
    expect(isActionRequest('GET', { 'next-action': ID })).toBe(true);
    // The incident file upload is a route handler: its multipart body is not an action's (and may be 20 MB).
    expect(isActionRequest('POST', { 'content-type': 'multipart/form-data; boundary=x' }, '/admin/incidents/abc123/files')).toBe(false);
    expect(isActionRequest('POST', { 'content-type': 'multipart/form-data; boundary=x' }, '/admin/incidents/abc123')).toBe(true);
  });
});

describe('checkTextAction', () => {
  it('accepts argument lists a client encodes', () => {
    expect(checkTextAction('[{}]')).toBeUndefined();
    expect(checkTextAction('["# Heading\\n$$5 off", "$undefined", "$D2026-01-01T00:00:00.000Z", "$n12", "$NaN"]')).toBeUndefined();
  });

  it('refuses what Next could not decode', () => {
    expect(checkTextAction('{')?.message).toMatch(/JSON argument list/);
    expect(checkTextAction('"x"')?.message).toMatch(/JSON array/);
    expect(checkTextAction('["$1"]')?.message).toMatch(/part 1 is referenced but missing/);
    expect(checkTextAction('["$K1"]')?.message).toMatch(/multipart/);
    expect(checkTextAction('[{"a":"$Q2"}]')?.message).toMatch(/unsupported value/);
    expect(checkTextAction('["$nope"]')?.message).toMatch(/whole number/);
    expect(checkTextAction(`${'['.repeat(100)}${']'.repeat(100)}`)?.message).toMatch(/nested/);
  });
});

describe('checkMultipartAction', () => {
  it('accepts a form sent through useActionState', () => {
    expect(checkMultipartAction(form({ '0': '[{},"$K1"]', '_1_name': 'API' }), true)).toBeUndefined();
    expect(checkMultipartAction(form({ '0': '["$@1"]', '1': '{"a":"$$x"}' }), true)).toBeUndefined();
  });

  it('refuses a fetch action without a valid argument list', () => {
    expect(checkMultipartAction(form({ name: 'x' }), true)?.message).toMatch(/part 0/);
    expect(checkMultipartAction(form({ '0': '{' }), true)?.message).toMatch(/not valid JSON/);
    expect(checkMultipartAction(form({ '0': '["$2"]' }), true)?.message).toMatch(/missing/);
    expect(checkMultipartAction(form({ '0': '["$1"]', '1': '[' }), true)?.message).toMatch(/part 1 is not valid JSON/);
  });

  it('checks the bound arguments of a form posted without JavaScript', () => {
    expect(checkMultipartAction(form({ email: 'a@b.c' }), false)).toBeUndefined();
    expect(checkMultipartAction(form({ $ACTION_REF_1: '', '$ACTION_1:0': `{"id":"${ID}","bound":"$@1"}`, '$ACTION_1:1': '[{}]' }), false)).toBeUndefined();
    expect(checkMultipartAction(form({ $ACTION_REF_1: '', '$ACTION_1:0': '{' }), false)?.status).toBe(400);
    expect(checkMultipartAction(form({ $ACTION_REF_1: '', '$ACTION_1:0': `{"id":"${ID}","bound":"$@1"}` }), false)?.message).toMatch(/missing/);
  });
});
