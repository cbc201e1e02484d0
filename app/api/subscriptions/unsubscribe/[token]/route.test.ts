import { beforeAll, describe, expect, it } from 'vitest';

beforeAll(() => {
  process.env.BEACON_PUBLIC_URL = 'https://status.acme.test';
});

async function get(url: string, token: string) {
  const { GET } = await import('@/app/api/subscriptions/unsubscribe/[token]/route');
  return GET(new Request(url, { headers: { host: 'internal:3000' } }), { params: Promise.resolve({ token }) });
}

describe('GET /api/subscriptions/unsubscribe/<token>', () => {
  it('redirects to the confirm page on BEACON_PUBLIC_URL, not the request host', async () => {
    const token = 'Abc_def-0123456789abcdefXYZ';
    const res = await get(`http://localhost:3000/api/subscriptions/unsubscribe/${token}`, token);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`https://status.acme.test/subscriptions/unsubscribe/${token}`);
  });

  it('answers 404 for a malformed token and echoes none of it', async () => {
    for (const token of ['..%2f..%2fadmin', '//evil.example/x', 'short', '<script>alert(1)</script>aaaaaaaaaaaaaaa']) {
      const res = await get('http://evil.example/api/subscriptions/unsubscribe/x', token);
      expect(res.status).toBe(404);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).not.toContain(token);
    }
  });
});
