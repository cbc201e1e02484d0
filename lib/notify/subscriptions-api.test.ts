import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '@/lib/notify/testing/webhook-receiver';

// The route handlers read the process database (getDb) and configuration: point both at a
// temporary SQLite file before anything reads them.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-api-'));
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${path.join(dir, 'api.db')}`;
  process.env.BEACON_ALLOW_PRIVATE_WEBHOOKS = 'true';
  process.env.BEACON_PUBLIC_URL = 'http://status.acme.test';
  hooks = await startWebhookReceiver();
});
afterAll(async () => {
  await hooks.close();
  const { getDb } = await import('@/lib/db');
  await (await getDb()).kysely.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface ApiBody {
  status?: string;
  secret?: string;
  manage_url?: string;
  id?: string;
  state?: string;
  platform?: string;
  error: { code: string; message: string; fields: Record<string, string> };
}

const post = async (body: unknown, ip = '198.51.100.7') => {
  const { POST } = await import('@/app/api/subscriptions/route');
  const response = await POST(
    new Request('http://status.acme.test/api/subscriptions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-beacon-client-address': ip },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
  return { status: response.status, headers: response.headers, json: (await response.json()) as ApiBody };
};

describe('POST /api/subscriptions', () => {
  it('answers 202 with the same body for a new and a known address', async () => {
    const first = await post({ type: 'email', email: 'known@example.com' });
    const again = await post({ type: 'email', email: 'known@example.com' });
    expect(first.status).toBe(202);
    expect(again).toEqual(first);
  });

  it('answers 201 with a whsec_ secret shown once and a manage URL for a webhook', async () => {
    const created = await post({ type: 'webhook', url: `${hooks.base}/api-hook`, events: 'start_and_resolution' }, '198.51.100.8');
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(created.json.manage_url).toMatch(/^http:\/\/status\.acme\.test\/subscriptions\/manage\/[a-z0-9]{12}-[0-9a-f]{40}$/);
    expect(created.json.state).toBe('pending');
  });

  it('answers 201 with a manage URL and no secret for a chat channel', async () => {
    const created = await post({ type: 'mattermost', url: `${hooks.base}/mattermost/noc` }, '198.51.100.12');
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ state: 'pending', platform: 'mattermost' });
    expect(created.json.secret).toBeUndefined();
    expect(created.json.manage_url).toMatch(/^http:\/\/status\.acme\.test\/subscriptions\/manage\//);
  });

  it('names the bad field, refuses non-JSON, oversized bodies and unknown types', async () => {
    const bad = await post({ type: 'webhook', url: 'not a url' }, '198.51.100.9');
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields).toEqual({ url: 'must be an http(s) URL with a host' });
    expect((await post('{oops', '198.51.100.9')).status).toBe(400);
    expect((await post(JSON.stringify({ type: 'email', email: 'x@example.com', pad: 'x'.repeat(20_000) }), '198.51.100.9')).status).toBe(413);
    const unknown = await post({ type: 'sms', phone: '1' }, '198.51.100.9');
    expect(unknown.status).toBe(422);
    expect(Object.keys(unknown.json.error.fields)).toEqual(['type']);
  });

  it('throttles one client address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 12; i++) {
      last = await post({ type: 'email', email: `flood${i}@example.com` }, '198.51.100.10');
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.json.error.code).toBe('rate_limited');
  });

  it('unsubscribes with the RFC 8058 one-click POST', async () => {
    const created = await post({ type: 'webhook', url: `${hooks.base}/leaving` }, '198.51.100.11');
    const token = String(created.json.manage_url).split('/').pop()!;
    const { POST } = await import('@/app/api/subscriptions/unsubscribe/[token]/route');
    const response = await POST(
      new Request(`http://status.acme.test/api/subscriptions/unsubscribe/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      }),
      { params: Promise.resolve({ token }) },
    );
    expect(response.status).toBe(200);
    const { getDb } = await import('@/lib/db');
    const row = await (await getDb()).kysely.selectFrom('subscribers').select('state').where('id', '=', String(created.json.id)).executeTakeFirstOrThrow();
    expect(row.state).toBe('unsubscribed');
  });
});
