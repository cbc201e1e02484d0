import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '@/lib/db/testing/test-db';
import { addAudienceMember } from '@/lib/services/add-audience-member';
import { closeNotice } from '@/lib/services/close-notice';
import { createAudience } from '@/lib/services/create-audience';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { getStatusPage } from '@/lib/services/get-status-page';
import { sendNotice } from '@/lib/services/send-notice';
import { apiHarness, type ApiHarness } from '@/app/api/v1/_tests/test-harness';

const SEED = 0x5afe1;
const DEEP = `{"incident":{"name":${'['.repeat(5000)}"x"${']'.repeat(5000)}}}`;

/** Bodies no parser may act on: prototype keys (nested, in lists), deep nesting, NUL characters. */
const HOSTILE_BODIES: { raw: string; contentType: string }[] = [
  ...['__proto__[then]=x', 'incident[__proto__][then]=x', 'constructor[prototype][then]=x', 'incident[name]=x&incident[constructor][prototype][then]=x', 'incident[component_ids][]=a&__proto__[]=x'].map((raw) => ({
    raw,
    contentType: 'application/x-www-form-urlencoded',
  })),
  ...[
    '{"__proto__":{"then":"x"}}',
    '{"incident":{"name":"x","__proto__":{"then":"x"}}}',
    '{"incident":{"name":"x","components":[{"constructor":{"prototype":{"then":"x"}}}]}}',
    '{"incident":{"prototype":1,"name":"x"}}',
    DEEP,
    `${'['.repeat(100_000)}`,
    '{"incident":{"name":"VPN\\u0000down"}}',
    '{"incident\\u0000":{"name":"x"}}',
  ].map((raw) => ({ raw, contentType: 'application/json' })),
  { raw: 'incident[name]=VPN%00down', contentType: 'application/x-www-form-urlencoded' },
  { raw: `incident${'[a]'.repeat(40)}=x`, contentType: 'application/x-www-form-urlencoded' },
];

/** Query strings with a NUL in every parameter a list reads, and in a parameter's name. */
const NUL_QUERIES = ['q=%00', 'q=abc%00def', 'page=%00', 'per_page=1%00', 'limit=%00', 'type=email%00', 'state=%00', 'sort_field=%00', 'sort_direction=asc%00', 'status=open%00', 'api_key=%00', 'q%00=x'];
const LISTS = ['incidents', 'incidents/unresolved', 'incidents/upcoming', 'incidents/active_maintenance', 'incidents/scheduled', 'components', 'component-groups', 'incident_templates', 'subscribers', 'subscribers/unsubscribed', 'notices'];

for (const dialect of testDialects()) {
  describe(`management API v1: hostile input on ${dialect}`, () => {
    let h: ApiHarness;
    let incidentId: string;
    let noticeId: string;
    let closedNoticeId: string;

    beforeEach(async () => {
      h = await apiHarness(dialect);
      const vpn = (await createComponent({ ctx: h.ctx, input: { name: 'VPN' } })).id;
      incidentId = (await createIncident({ ctx: h.ctx, input: { name: 'VPN down', components: [{ id: vpn, status: 'major_outage' }] } })).id;
      const acme = (await createAudience({ ctx: h.ctx, input: { name: 'Acme Meters' } })).id;
      await addAudienceMember({ ctx: h.ctx, input: { audienceId: acme, email: 'ops@acme.example' } });
      noticeId = (await sendNotice({ ctx: h.ctx, input: { title: 'Meters late', body: 'x', audienceIds: [acme] } })).id;
      closedNoticeId = (await sendNotice({ ctx: h.ctx, input: { title: 'Closed', body: 'x', audienceIds: [acme] } })).id;
      await closeNotice({ ctx: h.ctx, input: { id: closedNoticeId } });
      h.clock.advance(5);
    });
    afterEach(async () => {
      expect(({} as Record<string, unknown>).then).toBeUndefined();
      await h.db.drop();
    });

    it('refuses __proto__[then]=x as a form and as JSON, from a responder, and keeps answering', async () => {
      const before = await h.allCounts();
      for (const [raw, contentType] of [
        ['__proto__[then]=x', 'application/x-www-form-urlencoded'],
        ['{"__proto__":{"then":"x"}}', 'application/json'],
      ] as const) {
        const res = await h.call('POST', 'incidents', { raw, contentType, key: h.responderKey });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/may not use the key "__proto__"/);
      }
      // The process is not poisoned: a promise-like Object.prototype would break every await below.
      expect(({} as Record<string, unknown>).then).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('then');
      const list = await h.call('GET', 'incidents', { key: h.responderKey });
      expect(list.status).toBe(200);
      expect(list.body.map((i: { id: string }) => i.id)).toContain(incidentId);
      const view = await getStatusPage({ ctx: h.ctx });
      expect(view.activeIncidents.map((i) => i.id)).toContain(incidentId);
      expect(await h.allCounts()).toEqual(before);
    });

    it('answers 400 to JSON nested 5,000 levels deep', async () => {
      const res = await h.call('POST', 'incidents', { raw: DEEP, contentType: 'application/json' });
      expect(res).toEqual({ status: 400, body: { message: 'Bad request: The body is nested more than 32 levels deep' } });
    });

    it('refuses a NUL in every query parameter and in a path parameter with a 400 naming it, changing nothing', async () => {
      const before = await h.allCounts();
      for (const list of LISTS) {
        for (const query of NUL_QUERIES) {
          const res = await h.call('GET', `${list}?${query}`);
          expect(res.status, `${list}?${query}`).toBe(400);
          expect(res.body.message).toMatch(/must not contain a NUL character/);
        }
      }
      for (const path of [`incidents/abc%00`, `incidents/${incidentId}%00`, `components/x%00`, `component-groups/%00`, `incident_templates/a%00`, `subscribers/%00`, `incidents/${incidentId}/incident_updates/%00`, `notices/%00`, `notices/${noticeId}%00`, `notices/%00/promote`]) {
        for (const method of ['GET', 'PATCH', 'DELETE']) {
          const res = await h.call(method, path, method === 'PATCH' ? { body: { incident: { name: 'x' } } } : {});
          expect(res, `${method} ${path}`).toMatchObject({ status: 400, body: { fields: { path: 'must not contain a NUL character' } } });
        }
      }
      expect((await h.call('GET', `/${h.page.id}%00/incidents`)).status).toBe(400);
      expect(await h.allCounts()).toEqual(before);
    });

    it("finds no resource, list or state among Object.prototype's members (`?state=__proto__` answered 500)", async () => {
      const before = await h.allCounts();
      for (const name of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
        for (const path of [name, `incidents/${name}`, `subscribers?state=${name}`, `subscribers?type=${name}`, `notices/${name}`, `notices/${name}/promote`, `notices?status=${name}`]) {
          for (const method of ['GET', 'POST', 'DELETE']) {
            const res = await h.call(method, path, method === 'POST' ? { body: { x: 1 } } : {});
            expect(res.status, `${method} ${path}`).toBeLessThan(500);
            // No such resource or incident; an unknown state or type is an empty list.
            if (!path.includes('?') || method !== 'GET') expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
          }
        }
      }
      expect(await h.allCounts()).toEqual(before);
    });

    it('answers every hostile body and query with a 4xx, never a 5xx, and writes no row', async () => {
      const before = await h.allCounts();
      const statuses: number[] = [];
      const targets = ['incidents', `incidents/${incidentId}`, 'components', 'component-groups', 'incident_templates', 'subscribers', `incidents/${incidentId}/incident_updates/x`, 'notices', `notices/${noticeId}`, `notices/${closedNoticeId}/promote`];
      for (const target of targets) {
        for (const method of ['POST', 'PATCH', 'PUT']) {
          for (const body of HOSTILE_BODIES) {
            for (const key of [h.adminKey, h.responderKey]) {
              const res = await h.call(method, target, { ...body, key });
              statuses.push(res.status);
              expect(res.status, `${method} ${target} ${body.raw.slice(0, 60)}`).toBeGreaterThanOrEqual(400);
              expect(res.status, `${method} ${target} ${body.raw.slice(0, 60)}`).toBeLessThan(500);
            }
          }
        }
      }
      // Generated query strings: a hostile value (NUL included) in each parameter the lists read.
      const value = fc.oneof(fc.constantFrom('\u0000', 'a\u0000', "' OR 1=1 --", '%', '_', '-1', '1e309', '9'.repeat(30)), fc.string({ unit: 'binary', maxLength: 12 }));
      const queries = fc.sample(fc.dictionary(fc.constantFrom('q', 'page', 'per_page', 'limit', 'type', 'state', 'sort_field', 'sort_direction', 'status'), value, { minKeys: 1, maxKeys: 4 }), { numRuns: 60, seed: SEED });
      for (const [i, query] of queries.entries()) {
        const res = await h.call('GET', `${LISTS[i % LISTS.length]}?${new URLSearchParams(query)}`);
        statuses.push(res.status);
        expect(res.status, JSON.stringify(query)).toBeLessThan(500);
      }
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(await h.allCounts()).toEqual(before);
      expect(({} as Record<string, unknown>).then).toBeUndefined();
    });

    it('counts the body limit in bytes: 200,000 characters of two-byte text (400 KB) are a 413, writing nothing', async () => {
      const before = await h.allCounts();
      const raw = JSON.stringify({ incident: { name: 'VPN', body: 'é'.repeat(200_000) } });
      expect(raw.length).toBeLessThan(256 * 1024);
      const res = await h.call('POST', 'incidents', { raw, contentType: 'application/json' });
      expect(res.status).toBe(413);
      expect(res.body.message).toContain('256 KB');
      expect(await h.allCounts()).toEqual(before);
    });
  });
}
