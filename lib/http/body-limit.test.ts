import { describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT, bodyLimitFor, checkBodyHeaders, checkRequestPath, normalizedPathname, readBodyWithin } from '@/lib/http/body-limit';

describe('bodyLimitFor', () => {
  it('gives each write route its limit, longest prefix first', () => {
    expect(bodyLimitFor('/api/subscriptions')).toBe(16 * 1024);
    expect(bodyLimitFor('/api/subscriptions/unsubscribe/abc')).toBe(4 * 1024);
    expect(bodyLimitFor('/api/v1/pages/p1/incidents')).toBe(256 * 1024);
    expect(bodyLimitFor('/admin/incidents/abc')).toBe(1024 * 1024);
    expect(bodyLimitFor('/subscribe')).toBe(DEFAULT_BODY_LIMIT);
  });

  it('matches whole segments only', () => {
    expect(bodyLimitFor('/administrator')).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor('/api/v10')).toBe(DEFAULT_BODY_LIMIT);
  });

  it('resolves dot segments the way the router will', () => {
    expect(normalizedPathname('/admin/../api/subscriptions?x=1')).toBe('/api/subscriptions');
    expect(normalizedPathname('/admin/%2e%2e/subscribe')).toBe('/subscribe');
    expect(bodyLimitFor(normalizedPathname('/admin/%2e%2e/api/subscriptions'))).toBe(16 * 1024);
  });
});

describe('checkBodyHeaders', () => {
  it('lets a body within the limit through', () => {
    expect(checkBodyHeaders('POST', '/api/subscriptions', { 'content-length': String(16 * 1024) })).toBeUndefined();
    expect(checkBodyHeaders('GET', '/', {})).toBeUndefined();
  });

  it('refuses a body over the limit with 413 naming the limit', () => {
    const refusal = checkBodyHeaders('POST', '/api/subscriptions', { 'content-length': String(16 * 1024 + 1) });
    expect(refusal).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(refusal?.message).toMatch(/at most 16 KB/);
    expect(checkBodyHeaders('PATCH', '/api/v1/pages/x/incidents/y', { 'content-length': String(10 * 1024 * 1024) })?.message).toMatch(/10240 KB.*at most 256 KB/);
  });

  it('holds for reads that carry a body too', () => {
    expect(checkBodyHeaders('GET', '/', { 'content-length': String(DEFAULT_BODY_LIMIT + 1) })?.status).toBe(413);
  });

  it('refuses a chunked write without a length (411), not a chunked read', () => {
    expect(checkBodyHeaders('POST', '/admin', { 'transfer-encoding': 'chunked' })).toMatchObject({ status: 411, code: 'length_required' });
    expect(checkBodyHeaders('GET', '/', { 'transfer-encoding': 'chunked' })).toBeUndefined();
  });
});

describe('checkRequestPath', () => {
  it('refuses percent-encoding that is not UTF-8, in the path only', () => {
    expect(checkRequestPath('/api/v2/%C0%AE%C0%AE%2F')).toMatchObject({ status: 400, code: 'invalid_path' });
    expect(checkRequestPath('/incidents/%FF')?.status).toBe(400);
    expect(checkRequestPath('/incidents/%E2%80%AE%2e%2e%2Fx?q=%FF')).toBeUndefined();
  });
});

describe('readBodyWithin', () => {
  const post = (body: string, headers: Record<string, string> = {}) => new Request('http://localhost/api/v1/pages/p/incidents', { method: 'POST', body, headers });

  it('counts bytes, not characters: 600 two-byte characters are over a 1 KB limit', async () => {
    expect(await readBodyWithin(post('é'.repeat(600)), '/x', 1024)).toMatchObject({ ok: false, status: 413 });
    expect(await readBodyWithin(post('é'.repeat(512)), '/x', 1024)).toEqual({ ok: true, text: 'é'.repeat(512) });
  });

  it('refuses from Content-Length before reading, and uses the route limit by default', async () => {
    const declared = new Request('http://localhost/a', { method: 'POST', body: 'x', headers: { 'content-length': String(257 * 1024) } });
    expect(await readBodyWithin(declared, '/api/v1/pages/p/incidents')).toMatchObject({ ok: false, message: expect.stringContaining('256 KB') });
    expect(await readBodyWithin(post('a'.repeat(256 * 1024)), '/api/v1/pages/p/incidents')).toMatchObject({ ok: true });
    expect(await readBodyWithin(post('a'.repeat(256 * 1024 + 1)), '/api/v1/pages/p/incidents')).toMatchObject({ ok: false });
  });

  it('reads an absent body as empty text', async () => {
    expect(await readBodyWithin(new Request('http://localhost/a', { method: 'POST' }), '/a')).toEqual({ ok: true, text: '' });
  });
});

describe('the incident file upload limit', () => {
  it('takes a multipart body up to the file limit on the upload route only, and names the limit', () => {
    const multipart = 'multipart/form-data; boundary=x';
    expect(bodyLimitFor('/admin/incidents/abc123/files', multipart)).toBe(20 * 1024 * 1024 + 64 * 1024);
    // Any other body to that route, and multipart anywhere else, keeps the console's limit.
    expect(bodyLimitFor('/admin/incidents/abc123/files', 'application/json')).toBe(1024 * 1024);
    expect(bodyLimitFor('/admin/incidents/abc123', multipart)).toBe(1024 * 1024);
    expect(checkBodyHeaders('POST', '/admin/incidents/abc123/files', { 'content-length': String(10 * 1024 * 1024), 'content-type': multipart })).toBeUndefined();
    const refusal = checkBodyHeaders('POST', '/admin/incidents/abc123/files', { 'content-length': String(30 * 1024 * 1024), 'content-type': multipart });
    expect(refusal).toMatchObject({ status: 413, message: 'The upload is 30 MB; files may be at most 20 MB', fields: { file: 'files may be at most 20 MB' } });
    expect(checkBodyHeaders('POST', '/admin/incidents/abc123/files', { 'content-length': String(10 * 1024 * 1024), 'content-type': 'application/json' })?.status).toBe(413);
  });
});
