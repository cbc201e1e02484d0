import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveConnectionCount } from '@/lib/live/connection-cap';

beforeAll(() => {
  process.env.BEACON_LIVE_MAX_PER_ADDRESS = '20';
  process.env.BEACON_LIVE_MAX_CONNECTIONS = '30';
});

const open: AbortController[] = [];
afterAll(() => open.forEach((c) => c.abort()));

const connect = async (address: string) => {
  const { GET } = await import('@/app/api/live/route');
  const controller = new AbortController();
  const response = GET(new Request('http://status.test/api/live', { signal: controller.signal, headers: { 'x-beacon-client-address': address } }));
  if (response.status === 200) open.push(controller);
  return { response, close: () => controller.abort() };
};

describe('GET /api/live caps', () => {
  it('answers 429 past 20 streams from one address, 503 past the total, and counts closed streams out', async () => {
    const mine = [];
    for (let i = 0; i < 20; i++) mine.push(await connect('203.0.113.5'));
    expect(mine.every((c) => c.response.status === 200)).toBe(true);
    const refused = await connect('203.0.113.5');
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers.get('retry-after')).toBe('30');
    expect(((await refused.response.json()) as { error: { message: string } }).error.message).toMatch(/Too many live connections from your address/);
    // Another address is not affected.
    expect((await connect('198.51.100.1')).response.status).toBe(200);

    // Closing one gives its place back.
    mine[0]!.close();
    expect(liveConnectionCount('203.0.113.5')).toBe(19);
    expect((await connect('203.0.113.5')).response.status).toBe(200);

    for (let i = 0; i < 9; i++) expect((await connect(`192.0.2.${i}`)).response.status).toBe(200);
    expect(liveConnectionCount()).toBe(30);
    const full = await connect('192.0.2.200');
    expect(full.response.status).toBe(503);
    expect(full.response.headers.get('retry-after')).toBe('30');

    open.forEach((c) => c.abort());
    expect(liveConnectionCount()).toBe(0);
  });
});
