import { describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT, bodyLimitFor, checkBodyHeaders, checkRequestPath, normalizedPathname } from '@/lib/http/body-limit';

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
