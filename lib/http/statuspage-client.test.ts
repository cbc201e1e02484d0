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

  it('reads every subscriber page from a 0-based server (Statuspage) and from a 1-based one (Beacon), without repeats', async () => {
    const all = Array.from({ length: 230 }, (_, i) => ({ id: `s${i}`, mode: 'email', email: `s${i}@acme.test` }));
    const serve = (zeroBased: boolean) =>
      (async (url: string) => {
        const u = new URL(url);
        if (u.pathname.startsWith('/api/v2/')) return Response.json({ page: { id: 'p' } });
        if (u.pathname.endsWith('/incidents')) return Response.json([]);
        if (u.pathname.endsWith('/incident_templates')) return Response.json(u.searchParams.get('page') === '1' ? [{ id: 't1', name: 'T', title: 'T', body: 'b' }] : []);
        if (!u.pathname.endsWith('/subscribers') || u.searchParams.get('state') !== 'active') return Response.json([]);
        const page = Number(u.searchParams.get('page'));
        const index = zeroBased ? page : Math.max(1, page) - 1;
        return Response.json(all.slice(index * 100, index * 100 + 100));
      }) as unknown as typeof fetch;
    for (const zeroBased of [true, false]) {
      const read = await readStatuspage('https://status.acme.test', { apiKey: 'k', apiBase: 'https://api.acme.test/v1', fetch: serve(zeroBased) });
      expect(read.manage!.subscribers.map((s) => (s as { id: string }).id)).toEqual(all.map((s) => s.id));
      expect(read.manage!.incident_templates).toHaveLength(1);
      expect(read.manage!.inactive).toEqual({ unconfirmed: 0, quarantined: 0, unsubscribed: 0 });
    }
  });

  it('names a manage endpoint that answers something other than a list', async () => {
    const fetcher = (async (url: string) =>
      url.includes('/api/v2/') ? Response.json({ page: { id: 'p' } }) : url.includes('/subscribers/unsubscribed') ? Response.json({ error: 'no' }) : Response.json([])) as unknown as typeof fetch;
    await expect(readStatuspage('https://status.acme.test', { apiKey: 'k', apiBase: 'https://api.acme.test/v1', fetch: fetcher })).rejects.toThrow(
      'GET https://api.acme.test/v1/pages/p/subscribers/unsubscribed did not answer a JSON array',
    );
  });
});
