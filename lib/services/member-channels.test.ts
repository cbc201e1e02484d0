import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { answerMemberChannel, bearerToken } from '@/lib/http/member-channel';
import { addAudienceMember } from '@/lib/services/add-audience-member';
import { createAudience } from '@/lib/services/create-audience';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { getStatuspageData } from '@/lib/services/get-statuspage-data';
import { publishPostmortem } from '@/lib/services/publish-postmortem';
import { removeMember } from '@/lib/services/remove-member';
import { rotateMemberToken } from '@/lib/services/rotate-member-token';

for (const dialect of testDialects()) {
  describe(`a member's own v2 API and feeds on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let ctx: { db: Db['kysely']; now: () => Date };
    let ids: { initechMember: string; globexMember: string; tunnel: string; apn: string; initech: string; globex: string };
    let tokens: { initech: string; globex: string };

    beforeEach(async () => {
      db = await createTestDb(dialect);
      const clock = testClock();
      ctx = { db: db.kysely, now: clock.now };
      const data = (await createComponent({ ctx, input: { name: 'Data service' } })).id;
      const tunnel = (await createComponent({ ctx, input: { name: 'Initech VPN tunnel' } })).id;
      const apn = (await createComponent({ ctx, input: { name: 'Globex private APN' } })).id;
      const initech = (await createAudience({ ctx, input: { name: 'Initech Fleet', supportLevel: 'enterprise', componentIds: [tunnel] } })).id;
      const globex = (await createAudience({ ctx, input: { name: 'Globex Logistics', supportLevel: 'business', componentIds: [apn] } })).id;
      const initechMember = (await addAudienceMember({ ctx, input: { audienceId: initech, email: 'noc@initech.example' } })).id;
      const globexMember = (await addAudienceMember({ ctx, input: { audienceId: globex, email: 'ops@globex.example' } })).id;
      clock.advance(1);
      await createIncident({ ctx, input: { name: 'Tunnel re-keying fails', components: [{ id: tunnel, status: 'major_outage' }] } });
      clock.advance(1);
      const sms = (await createIncident({ ctx, input: { name: 'SMS delayed', status: 'resolved', incidentClass: 'operational', components: [{ id: data, status: 'operational' }] } })).id;
      await publishPostmortem({ ctx, input: { incidentId: sms, body: 'Enterprise-only root cause.' } });
      ids = { initechMember, globexMember, tunnel, apn, initech, globex };
      tokens = {
        initech: (await rotateMemberToken({ ctx, memberId: initechMember })).token,
        globex: (await rotateMemberToken({ ctx, memberId: globexMember })).token,
      };
    });
    afterEach(async () => db.drop());

    const v2 = (token: string | undefined, path = 'summary.json') => answerMemberChannel(ctx, 'v2', token, path);
    const feed = (token: string, file = 'history.rss') => answerMemberChannel(ctx, 'feed', token, file);

    it("answers the public documents' shapes with the member's own private data, and nobody else's", async () => {
      const res = await v2(tokens.initech);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const summary = (await res.json()) as { components: { id: string }[]; incidents: { name: string }[]; page: object; status: object };
      expect(Object.keys(summary)).toEqual(expect.arrayContaining(['page', 'components', 'incidents', 'scheduled_maintenances', 'status']));
      expect(summary.components.map((c) => c.id)).toContain(ids.tunnel);
      expect(summary.components.map((c) => c.id)).not.toContain(ids.apn);
      expect(summary.incidents.map((i) => i.name)).toEqual(['Tunnel re-keying fails']);

      const other = await (await v2(tokens.globex)).text();
      expect(other).toContain(ids.apn);
      expect(other).not.toContain(ids.tunnel);
      expect(other).not.toContain('Tunnel re-keying');

      const publicDocs = JSON.stringify(await getStatuspageData({ ctx, baseUrl: 'https://status.example.com' }));
      expect(publicDocs).not.toContain(ids.tunnel);
      expect(publicDocs).not.toContain(ids.apn);
    });

    it("reads an operational incident's postmortem for an Enterprise member's documents only", async () => {
      const body = async (viewer?: { kind: 'audiences'; audienceIds: string[] }) =>
        (await getStatuspageData({ ctx, baseUrl: 'https://status.example.com', viewer })).incidents.find((i) => i.name === 'SMS delayed')?.postmortem_body;
      expect(await body({ kind: 'audiences', audienceIds: [ids.initech] })).toBe('Enterprise-only root cause.');
      expect(await body({ kind: 'audiences', audienceIds: [ids.globex] })).toBeNull();
      expect(await body()).toBeNull();
    });

    it('serves RSS, Atom and ICS with the private incidents, privately', async () => {
      const rss = await feed(tokens.initech);
      expect(rss.status).toBe(200);
      expect(rss.headers.get('content-type')).toContain('application/rss+xml');
      expect(rss.headers.get('cache-control')).toBe('private, no-store');
      expect(await rss.text()).toContain('Tunnel re-keying fails');
      expect(await (await feed(tokens.globex)).text()).not.toContain('Tunnel re-keying fails');
      expect((await feed(tokens.initech, 'maintenance.ics')).headers.get('content-type')).toContain('text/calendar');
      expect((await feed(tokens.initech, 'passwords.txt')).status).toBe(404);
      expect((await v2(tokens.initech, 'nothing.json')).status).toBe(404);
    });

    it('refuses a missing, wrong, rotated or removed member token at once', async () => {
      expect((await v2(undefined)).status).toBe(401);
      expect((await v2('bmt_not-a-token')).status).toBe(401);
      expect((await feed('bmt_not-a-token')).status).toBe(404);

      const rotated = (await rotateMemberToken({ ctx, memberId: ids.initechMember })).token;
      expect((await v2(tokens.initech)).status).toBe(401);
      expect((await feed(tokens.initech)).status).toBe(404);
      expect((await v2(rotated)).status).toBe(200);

      await removeMember({ ctx, id: ids.initechMember });
      expect((await v2(rotated)).status).toBe(401);
      expect((await feed(rotated)).status).toBe(404);
      // The other member is untouched.
      expect((await v2(tokens.globex)).status).toBe(200);
    });

    it('records making and rotating the secret as the member\'s own, with when each was issued and never the secret', async () => {
      const first = await db.kysely.selectFrom('members').select('channel_token_created_at').where('id', '=', ids.initechMember).executeTakeFirstOrThrow();
      const rotated = await rotateMemberToken({ ctx, memberId: ids.initechMember });
      const entries = await db.kysely
        .selectFrom('audit_log')
        .select(['actor_type', 'actor_id', 'actor_name', 'action', 'entity_type', 'entity_id', 'before', 'after'])
        .where('entity_id', '=', ids.initechMember)
        .orderBy('id')
        .execute();
      const parse = (v: unknown) => (v === null ? null : typeof v === 'string' ? JSON.parse(v) : v);
      expect(entries.map((e) => ({ ...e, before: parse(e.before), after: parse(e.after) }))).toEqual([
        { actor_type: 'member', actor_id: ids.initechMember, actor_name: 'noc@initech.example', action: 'member_channels.create', entity_type: 'member', entity_id: ids.initechMember, before: null, after: { issuedAt: first.channel_token_created_at } },
        { actor_type: 'member', actor_id: ids.initechMember, actor_name: 'noc@initech.example', action: 'member_channels.rotate', entity_type: 'member', entity_id: ids.initechMember, before: { issuedAt: first.channel_token_created_at }, after: { issuedAt: rotated.createdAt } },
      ]);
      const log = JSON.stringify(await db.kysely.selectFrom('audit_log').selectAll().execute());
      for (const secret of [tokens.initech, tokens.globex, rotated.token]) expect(log).not.toContain(secret);
      await expect(rotateMemberToken({ ctx, memberId: 'nosuchmember' })).rejects.toMatchObject({ status: 404 });
    });

    it('keeps only the SHA-256 of the token', async () => {
      const rows = JSON.stringify(await db.kysely.selectFrom('members').selectAll().execute());
      expect(rows).not.toContain(tokens.initech);
      expect(rows).toMatch(/[0-9a-f]{64}/);
    });
  });
}

describe('bearerToken', () => {
  it.each([
    ['Bearer bmt_abc', 'bmt_abc'],
    ['bearer  bmt_abc ', 'bmt_abc'],
    ['Basic Zm9vOmJhcg==', undefined],
    ['Bearer', undefined],
    [null, undefined],
  ])('%s → %s', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});
