import { describe, expect, it } from 'vitest';
import { pageBase, readStatuspage } from '@/lib/http/statuspage-client';

describe('reading a Statuspage-compatible page', () => {
  it('takes the page as its home or any v2 document, keeping a path prefix', () => {
    expect(pageBase('https://status.acme.test/')).toBe('https://status.acme.test');
    expect(pageBase('https://status.acme.test/api/v2/summary.json')).toBe('https://status.acme.test');
    expect(pageBase('https://acme.test/status/api/v2')).toBe('https://acme.test/status');
    expect(() => pageBase('ftp://acme.test')).toThrow('is not an http(s) URL');
  });

  it('names the document that failed and how', async () => {
    const fetcher = (async (url: string) =>
      url.endsWith('/incidents.json') ? new Response('unavailable', { status: 503, statusText: 'Service Unavailable' }) : Response.json({ page: { id: 'p' } })) as unknown as typeof fetch;
    await expect(readStatuspage('https://status.acme.test', { fetch: fetcher })).rejects.toThrow(
      'GET https://status.acme.test/api/v2/incidents.json answered 503 Service Unavailable',
    );
  });
});
