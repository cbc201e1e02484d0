import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHAT_PLATFORMS } from '@/lib/domain/chat/alert';
import type { Db } from '@/lib/db/connect';
import { testDialects } from '@/lib/db/testing/test-db';
import { BLOCKED_TARGET_MESSAGE } from '@/lib/notify/ssrf';
import { peekShared, setShared } from '@/lib/runtime/bridge';
import { apiHarness, type ApiHarness } from '@/app/api/v1/_tests/test-harness';
import { POST } from '@/app/api/subscriptions/route';

/** IPv6 spellings that embed a loopback, private or metadata IPv4 address, plus a name that resolves to loopback. */
const EMBEDDED = [
  'http://[::127.0.0.1]/hook',
  'http://[::ffff:127.0.0.1]/hook',
  'http://[::ffff:0:127.0.0.1]/hook',
  'http://[64:ff9b::7f00:1]/hook',
  'http://[64:ff9b:1::a00:5]/hook',
  'http://[2002:7f00:1::]/hook',
  'http://[::ffff:169.254.169.254]/latest/meta-data/',
  'http://localhost/hook',
];

/** Row counts apart from the throttle's own counters, which count refused attempts by design. */
async function dataCounts(h: ApiHarness) {
  const { rate_limits: _counted, ...rest } = await h.allCounts();
  return rest;
}

type DbHolder = { db: Db; ready: Promise<Db> };

beforeAll(() => {
  delete process.env.BEACON_ALLOW_PRIVATE_WEBHOOKS;
});

for (const dialect of testDialects()) {
  describe(`webhook targets embedding a blocked IPv4 address are refused on every API channel (${dialect})`, () => {
    let h: ApiHarness;
    let previous: DbHolder | undefined;

    beforeEach(async () => {
      h = await apiHarness(dialect);
      previous = peekShared<DbHolder>('db');
      // POST /api/subscriptions reads the process-wide database; point it at this suite's own.
      setShared<DbHolder>('db', { db: h.db, ready: Promise.resolve(h.db) });
    });
    afterEach(async () => {
      setShared('db', previous);
      await h.db.drop();
    });

    it.each(EMBEDDED)('POST /api/subscriptions refuses %s without saying what it resolves to', async (url) => {
      const before = await dataCounts(h);
      const res = await POST(
        new Request('http://localhost/api/subscriptions', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'webhook', url, email: 'owner@example.com' }),
        }),
      );
      expect(res.status).toBe(422);
      const text = await res.text();
      expect(text).toContain(BLOCKED_TARGET_MESSAGE);
      expect(text).not.toMatch(/127\.0\.0\.1|resolves|getaddrinfo|ENOTFOUND/);
      expect(await dataCounts(h)).toEqual(before);
    });

    it.each(EMBEDDED)('the v1 subscribers endpoint refuses %s', async (url) => {
      const before = await dataCounts(h);
      const res = await h.call('POST', 'subscribers.json', { body: { subscriber: { endpoint: url } } });
      expect(res.status).toBe(422);
      expect(res.body.fields['subscriber.endpoint']).toContain(BLOCKED_TARGET_MESSAGE);
      expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|resolves|getaddrinfo|ENOTFOUND/);
      expect(await dataCounts(h)).toEqual(before);
    });

    it.each(CHAT_PLATFORMS)('POST /api/subscriptions refuses a %s channel on a blocked address', async (type) => {
      const before = await dataCounts(h);
      const res = await POST(
        new Request('http://localhost/api/subscriptions', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type, url: 'http://[::ffff:169.254.169.254]/hooks' }),
        }),
      );
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({ url: BLOCKED_TARGET_MESSAGE });
      expect(await dataCounts(h)).toEqual(before);
    });
  });
}
