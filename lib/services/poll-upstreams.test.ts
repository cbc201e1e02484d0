import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { buildV2Documents } from '@/lib/domain/statuspage/documents';
import { createComponent } from '@/lib/services/create-component';
import { followUpstream } from '@/lib/services/follow-upstream';
import { getStatuspageData } from '@/lib/services/get-statuspage-data';
import { pollUpstreams } from '@/lib/services/poll-upstreams';
import { setComponentStatus } from '@/lib/services/set-component-status';

process.env.BEACON_ALLOW_PRIVATE_WEBHOOKS = 'true';

type TestDb = Db & { drop: () => Promise<void> };
const TIMING = { minSeconds: 60, graceSeconds: 300 };

/**
 * A second Beacon's summary.json over loopback: built by the v2 service from its own database on
 * every request, with an ETag of the body, answering 304 to a matching If-None-Match. `override`
 * replaces the body (hostile documents); `down` makes it answer 503.
 */
async function serveUpstream(upstream: TestDb, clock: { now: () => Date }) {
  const stats = { requests: 0, conditional: 0, notModified: 0 };
  const control: { override?: string; down?: boolean; maxAge?: number } = {};
  const server = http.createServer((req, res) => {
    void (async () => {
      stats.requests += 1;
      if (control.down) return res.writeHead(503).end('down');
      const body = control.override ?? JSON.stringify(buildV2Documents(await getStatuspageData({ ctx: { db: upstream.kysely, now: clock.now }, baseUrl: 'http://upstream.test' }))['summary.json']);
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      const headers = { etag, 'content-type': 'application/json', 'cache-control': `public, max-age=${control.maxAge ?? 0}` };
      if (req.headers['if-none-match']) stats.conditional += 1;
      if (req.headers['if-none-match'] === etag) {
        stats.notModified += 1;
        return res.writeHead(304, headers).end();
      }
      res.writeHead(200, headers).end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, stats, control, close: () => new Promise<void>((r) => server.close(() => r())) };
}

for (const dialect of testDialects()) {
  describe(`upstream components on ${dialect}`, () => {
    let local: TestDb;
    let remote: TestDb;
    let server: Awaited<ReturnType<typeof serveUpstream>>;
    const clock = testClock();
    const ctx = () => ({ db: local.kysely, now: clock.now, actor: { type: 'system' as const, id: null, name: 'test' } });
    let remoteSms: string;
    let mirror: string;

    beforeEach(async () => {
      [local, remote] = await Promise.all([createTestDb(dialect), createTestDb(dialect)]);
      server = await serveUpstream(remote, clock);
      remoteSms = (await createComponent({ ctx: { db: remote.kysely, now: clock.now }, input: { name: 'Carrier SMS' } })).id;
      await createComponent({ ctx: { db: remote.kysely, now: clock.now }, input: { name: 'Carrier data' } });
      mirror = (await createComponent({ ctx: ctx(), input: { name: 'SMS (carrier)' } })).id;
      const at = clock.iso();
      await local.kysely
        .insertInto('subscribers')
        .values({
          id: 'subscriber01', kind: 'webhook', email: null, url: 'https://hooks.example.com/x', state: 'active', all_components: true,
          events: 'all', maintenance: true, token: 'token-1', secret: null, confirm_token: null, confirm_expires_at: null,
          confirmed_at: at, failing_since: null, disabled_at: null, unsubscribed_at: null, created_at: at, updated_at: at,
        })
        .execute();
    });
    afterEach(async () => {
      await server.close();
      await Promise.all([local.drop(), remote.drop()]);
    });

    const status = async () => (await local.kysely.selectFrom('components').select('status').where('id', '=', mirror).executeTakeFirstOrThrow()).status;
    const follow = async () => local.kysely.selectFrom('component_upstreams').selectAll().where('component_id', '=', mirror).executeTakeFirstOrThrow();
    const alerts = async () => (await local.kysely.selectFrom('alert_events').select('seq').execute()).length;

    it('follows the upstream component after one poll, audited as the upstream, quietly by default', async () => {
      await followUpstream({ ctx: ctx(), input: { id: mirror, url: `${server.url}/`, upstreamComponentId: remoteSms } });
      expect((await follow()).url).toBe(`${server.url}/api/v2/summary.json`);
      expect((await follow()).page_name).toBeTruthy();
      const alertsBefore = await alerts();

      await setComponentStatus({ ctx: { db: remote.kysely, now: clock.now }, input: { id: remoteSms, status: 'major_outage' } });
      clock.advance(1);
      const results = await pollUpstreams({ ctx: ctx(), timing: TIMING });
      expect(results).toEqual([{ url: `${server.url}/api/v2/summary.json`, outcome: 'fresh' }]);
      expect(await status()).toBe('major_outage');
      const intervals = await local.kysely.selectFrom('component_status_intervals').selectAll().where('component_id', '=', mirror).orderBy('id').execute();
      expect(intervals.map((i) => i.status)).toEqual(['operational', 'major_outage']);
      const audit = await local.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'component.status').execute();
      expect(audit.map((a) => a.actor_name)).toEqual([`upstream: ${new URL(server.url).host}`]);
      expect(await alerts()).toBe(alertsBefore);
    });

    it('alerts subscribers of upstream changes when the operator chose so', async () => {
      await followUpstream({ ctx: ctx(), input: { id: mirror, url: server.url, upstreamComponentId: remoteSms, notifySubscribers: true } });
      const before = await alerts();
      await setComponentStatus({ ctx: { db: remote.kysely, now: clock.now }, input: { id: remoteSms, status: 'partial_outage' } });
      clock.advance(1);
      await pollUpstreams({ ctx: ctx(), timing: TIMING });
      expect(await status()).toBe('partial_outage');
      expect(await alerts()).toBe(before + 1);
    });

    it('sends the validators back, reuses the stored document on 304, and never polls sooner than the minimum', async () => {
      await followUpstream({ ctx: ctx(), input: { id: mirror, url: server.url, upstreamComponentId: remoteSms } });
      const afterFollow = server.stats.requests;
      clock.advance(0.5);
      expect((await pollUpstreams({ ctx: ctx(), timing: TIMING }))[0]!.outcome).toBe('skipped');
      expect(server.stats.requests).toBe(afterFollow);

      clock.advance(1);
      expect((await pollUpstreams({ ctx: ctx(), timing: TIMING }))[0]!.outcome).toBe('not_modified');
      expect(server.stats.notModified).toBe(1);
      expect((await follow()).last_success_at).toBe(clock.iso());

      // max-age above the minimum pushes the next read out.
      server.control.maxAge = 600;
      await setComponentStatus({ ctx: { db: remote.kysely, now: clock.now }, input: { id: remoteSms, status: 'degraded_performance' } });
      clock.advance(1);
      await pollUpstreams({ ctx: ctx(), timing: TIMING });
      expect(await status()).toBe('degraded_performance');
      clock.advance(5);
      expect((await pollUpstreams({ ctx: ctx(), timing: TIMING }))[0]!.outcome).toBe('skipped');
      expect(server.stats.conditional).toBe(2);
    });

    it('marks the component unknown once the upstream has been unreadable past the grace period, and recovers', async () => {
      await followUpstream({ ctx: ctx(), input: { id: mirror, url: server.url, upstreamComponentId: remoteSms } });
      server.control.down = true;
      clock.advance(1);
      await pollUpstreams({ ctx: ctx(), timing: TIMING });
      const failedAt = clock.iso();
      expect(await follow()).toMatchObject({ last_error: 'HTTP 503', failing_since: failedAt, unknown_since: null });
      clock.advance(3);
      await pollUpstreams({ ctx: ctx(), timing: TIMING });
      expect((await follow()).unknown_since).toBeNull();
      clock.advance(3);
      await pollUpstreams({ ctx: ctx(), timing: TIMING });
      expect((await follow()).unknown_since).toBe(failedAt);
      expect(await status()).toBe('operational');

      server.control.down = false;
      clock.advance(2);
      await pollUpstreams({ ctx: ctx(), timing: TIMING });
      expect(await follow()).toMatchObject({ failing_since: null, unknown_since: null, last_success_at: clock.iso() });
    });

    it('treats an unreachable upstream and a vanished component as failures', async () => {
      await followUpstream({ ctx: ctx(), input: { id: mirror, url: server.url, upstreamComponentId: remoteSms } });
      server.control.override = JSON.stringify({ page: { id: 'x', name: 'Carrier' }, components: [] });
      clock.advance(1);
      await pollUpstreams({ ctx: ctx(), timing: TIMING });
      expect((await follow()).last_error).toMatch(/no longer listed/);
      await server.close();
      clock.advance(1);
      await pollUpstreams({ ctx: ctx(), timing: TIMING });
      expect((await follow()).last_error).toMatch(/ECONNREFUSED/);
      clock.advance(10);
      await pollUpstreams({ ctx: ctx(), timing: TIMING });
      expect((await follow()).unknown_since).not.toBeNull();
      server = await serveUpstream(remote, clock); // afterEach closes it
    });

    it('refuses hostile documents without changing anything', async () => {
      await followUpstream({ ctx: ctx(), input: { id: mirror, url: server.url, upstreamComponentId: remoteSms } });
      const sms = (name: string, status: unknown) => ({ id: remoteSms, name, status });
      const hostile: [string, RegExp][] = [
        [`{"page":{"name":"P"},"components":[{"id":"${remoteSms}","name":"x","status":"major_outage","__proto__":{"polluted":1}}]}`, /__proto__/],
        [JSON.stringify({ page: { name: 'P', constructor: { prototype: 1 } }, components: [sms('x', 'major_outage')] }), /constructor/],
        [JSON.stringify({ page: { name: 'P' }, components: [sms('x', 'on_fire')] }), /not a Statuspage summary/],
        [JSON.stringify({ page: { name: 'P' }, components: { length: 1 } }), /not a Statuspage summary/],
        [JSON.stringify({ page: 'P', components: [] }), /not a Statuspage summary/],
        ['[' .repeat(5000), /nested/],
        ['not json', /not valid JSON/],
        [JSON.stringify({ page: { name: 'P' }, components: [sms('x'.repeat(2_000_000), 'major_outage')] }), /larger than/],
      ];
      for (const [body, error] of hostile) {
        server.control.override = body;
        clock.advance(2);
        await pollUpstreams({ ctx: ctx(), timing: TIMING });
        expect((await follow()).last_error).toMatch(error);
        expect(await status()).toBe('operational');
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const statusAudits = await local.kysely.selectFrom('audit_log').select('id').where('action', '=', 'component.status').execute();
      expect(statusAudits).toHaveLength(0);
    });

    it('refuses a page address that is not http(s), and a component the page does not list', async () => {
      await expect(followUpstream({ ctx: ctx(), input: { id: mirror, url: 'javascript:alert(1)', upstreamComponentId: remoteSms } })).rejects.toMatchObject({ status: 422, fields: { url: expect.any(String) } });
      await expect(followUpstream({ ctx: ctx(), input: { id: mirror, url: server.url, upstreamComponentId: 'nope' } })).rejects.toMatchObject({ status: 422, fields: { upstreamComponentId: expect.any(String) } });
      expect(await local.kysely.selectFrom('component_upstreams').selectAll().execute()).toEqual([]);
    });
  });
}
