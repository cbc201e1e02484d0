import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '@/lib/db/testing/test-db';
import { addAudienceMember } from '@/lib/services/add-audience-member';
import { createAudience } from '@/lib/services/create-audience';
import { getStatuspageData } from '@/lib/services/get-statuspage-data';
import { apiHarness, type ApiHarness } from '@/app/api/v1/_tests/test-harness';

for (const dialect of testDialects()) {
  describe(`management API v1: notices on ${dialect}`, () => {
    let h: ApiHarness;
    let ids: { acme: string; globex: string; initech: string };

    /** Who got mail, by address. */
    const mailTo = async () => (await h.db.kysely.selectFrom('dev_mailbox').select('to').orderBy('to').execute()).map((m) => m.to);
    const send = (notice: Record<string, unknown>, key?: string) => h.call('POST', 'notices', { body: { notice }, key });

    beforeEach(async () => {
      h = await apiHarness(dialect);
      const acme = (await createAudience({ ctx: h.ctx, input: { name: 'Acme Meters', supportLevel: 'standard' } })).id;
      const globex = (await createAudience({ ctx: h.ctx, input: { name: 'Globex Logistics', supportLevel: 'business' } })).id;
      const initech = (await createAudience({ ctx: h.ctx, input: { name: 'Initech Fleet', supportLevel: 'enterprise' } })).id;
      await addAudienceMember({ ctx: h.ctx, input: { audienceId: acme, email: 'ops@acme.example' } });
      await addAudienceMember({ ctx: h.ctx, input: { audienceId: globex, email: 'ops@globex.example' } });
      await addAudienceMember({ ctx: h.ctx, input: { audienceId: initech, email: 'noc@initech.example' } });
      // In two groups: one message, not two.
      await addAudienceMember({ ctx: h.ctx, input: { audienceId: initech, email: 'ops@globex.example' } });
      ids = { acme, globex, initech };
      h.clock.advance(1);
    });
    afterEach(async () => h.db.drop());

    it('sends to the listed groups: 201 with how its messages went, mail to their members only', async () => {
      const res = await send({ title: 'Elevated PDP context creation', body: 'Your server at 10.1.2.3 is not answering.', page_access_group_ids: [ids.initech] });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        page_id: h.page.id,
        title: 'Elevated PDP context creation',
        body: 'Your server at 10.1.2.3 is not answering.',
        status: 'open',
        page_access_group_ids: [ids.initech],
        min_support_level: null,
        incident_id: null,
        sent_by: 'API key "monitoring"',
        created_at: h.clock.iso(),
        updated_at: h.clock.iso(),
        closed_at: null,
        deliveries: { queued: 0, delivered: 2, failed: 0 },
      });
      expect(await mailTo()).toEqual(['noc@initech.example', 'ops@globex.example']);
      expect(await h.call('GET', `notices/${res.body.id}.json`)).toEqual({ status: 200, body: res.body });
    });

    it('sends to every group at a support level and up, each address once; a form body works too', async () => {
      const res = await send({ title: 'Roaming partner slow', body: 'Slow attaches in Spain.', min_support_level: 'business' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ min_support_level: 'business', page_access_group_ids: [ids.globex, ids.initech], deliveries: { queued: 0, delivered: 2, failed: 0 } });
      expect(await mailTo()).toEqual(['noc@initech.example', 'ops@globex.example']);

      const form = await h.call('POST', 'notices', {
        raw: `notice[title]=Acme+meters&notice[body]=Readings+late&notice[page_access_group_ids][]=${ids.acme}`,
        contentType: 'application/x-www-form-urlencoded',
        key: h.responderKey,
      });
      expect(form.status).toBe(201);
      expect(form.body).toMatchObject({ page_access_group_ids: [ids.acme], sent_by: 'API key "pager"', deliveries: { delivered: 1 } });
      expect(await mailTo()).toEqual(['noc@initech.example', 'ops@acme.example', 'ops@globex.example']);
    });

    it('lists newest first, in pages, filtered by status', async () => {
      const sent: string[] = [];
      for (const title of ['First', 'Second', 'Third']) {
        sent.push((await send({ title, body: 'x', page_access_group_ids: [ids.globex] })).body.id);
        h.clock.advance(1);
      }
      const [first, second, third] = sent;
      expect((await h.call('PATCH', `notices/${second}`, { body: { notice: { status: 'closed' } } })).status).toBe(200);
      const list = async (query: string) => {
        const res = await h.call('GET', `notices${query}`, { key: h.responderKey });
        expect(res.status, query).toBe(200);
        return res.body.map((n: { id: string }) => n.id);
      };
      expect(await list('')).toEqual([third, second, first]);
      expect(await list('?page=1&per_page=2')).toEqual([third, second]);
      expect(await list('?page=2&per_page=2')).toEqual([first]);
      expect(await list('?page=3&limit=2')).toEqual([]);
      expect(await list('?status=open')).toEqual([third, first]);
      expect(await list('?status=closed')).toEqual([second]);
      expect(await list('?status=promoted')).toEqual([]);
      expect(await h.call('GET', 'notices?status=done')).toEqual({ status: 400, body: { message: 'Bad request: status must be open, closed or promoted', fields: { status: 'must be open, closed or promoted' } } });
      expect((await h.call('GET', 'notices?per_page=x')).body.fields).toEqual({ per_page: 'must be a positive integer' });
    });

    it('closes an open notice once; closing again is refused with the conflict, changing nothing', async () => {
      const { id } = (await send({ title: 'Will close', body: 'x', page_access_group_ids: [ids.globex] })).body;
      h.clock.advance(5);
      const closed = await h.call('PATCH', `notices/${id}`, { body: { notice: { status: 'closed' } }, key: h.responderKey });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ id, status: 'closed', closed_at: h.clock.iso(), updated_at: h.clock.iso(), deliveries: { delivered: 1 } });
      expect((await h.call('GET', `notices/${id}`)).body).toEqual(closed.body);

      const before = await h.allCounts();
      const again = await h.call('PUT', `notices/${id}`, { body: { notice: { status: 'closed' } } });
      expect(again).toEqual({ status: 422, body: { message: 'Notice: is already closed', fields: { 'notice.id': 'is already closed' } } });
      const promote = await h.call('POST', `notices/${id}/promote`);
      expect(promote.status).toBe(422);
      expect(promote.body.message).toMatch(/already closed/);
      expect(await h.allCounts()).toEqual(before);
    });

    it('promotes a notice into an incident private to its groups: in the manage API, not in public data', async () => {
      const { id } = (await send({ title: 'APN timeouts', body: 'RADIUS is slow to answer.', page_access_group_ids: [ids.globex, ids.initech] })).body;
      h.clock.advance(2);
      const res = await h.call('POST', `notices/${id}/promote`, { key: h.responderKey });
      expect(res.status).toBe(201);
      const { notice, incident } = res.body;
      expect(notice).toMatchObject({ id, status: 'promoted', incident_id: incident.id, closed_at: h.clock.iso(), page_access_group_ids: [ids.globex, ids.initech] });
      expect(incident).toMatchObject({ page_id: h.page.id, name: 'APN timeouts', status: 'investigating', components: [] });
      expect(incident.incident_updates.map((u: { body: string }) => u.body)).toEqual(['RADIUS is slow to answer.']);
      expect(await h.call('GET', `incidents/${incident.id}`)).toEqual({ status: 200, body: incident });
      expect((await h.call('GET', 'incidents')).body.map((i: { id: string }) => i.id)).toContain(incident.id);
      const limits = await h.db.kysely.selectFrom('audience_incidents').select('audience_id').where('incident_id', '=', incident.id).orderBy('position').execute();
      expect(limits.map((l) => l.audience_id)).toEqual([ids.globex, ids.initech]);

      const v2 = JSON.stringify(await getStatuspageData({ ctx: h.ctx, baseUrl: 'https://status.example.com' }));
      expect(v2).not.toContain(incident.id);
      expect(v2).not.toContain('APN timeouts');

      const before = await h.allCounts();
      const again = await h.call('POST', `notices/${id}/promote`);
      expect(again).toEqual({ status: 422, body: { message: 'Notice: was already promoted to an incident', fields: { 'notice.id': 'was already promoted to an incident' } } });
      expect(await h.allCounts()).toEqual(before);
    });

    it('refuses bad requests naming the field as sent, and each changes nothing', async () => {
      const { id } = (await send({ title: 'Open one', body: 'x', page_access_group_ids: [ids.acme] })).body;
      const before = await h.allCounts();
      const refusals: [string, string, Record<string, unknown>, number, Record<string, string> | undefined][] = [
        ['POST', 'notices', { body: { notice: { body: 'x', page_access_group_ids: [ids.acme] } } }, 422, { 'notice.title': 'is required' }],
        ['POST', 'notices', { body: { notice: { title: 'T', body: ' ', page_access_group_ids: [ids.acme] } } }, 422, { 'notice.body': 'is required' }],
        [
          'POST', 'notices', { body: { notice: { title: 'T', body: 'x', page_access_group_ids: [ids.acme], min_support_level: 'business' } } }, 422,
          { 'notice.page_access_group_ids': 'must be left empty when a support level is chosen' },
        ],
        ['POST', 'notices', { body: { notice: { title: 'T', body: 'x' } } }, 422, { 'notice.page_access_group_ids': 'must include at least one audience, or choose a support level' }],
        ['POST', 'notices', { body: { notice: { title: 'T', body: 'x', page_access_group_ids: ['nosuchgroup'] } } }, 422, { 'notice.page_access_group_ids': 'lists an audience that does not exist' }],
        ['POST', 'notices', { body: { notice: { title: 'T', body: 'x', min_support_level: 'platinum' } } }, 422, { 'notice.min_support_level': 'must be standard, business or enterprise' }],
        ['POST', 'notices', { body: { title: 'T', body: 'x' } }, 400, { notice: 'is required' }],
        ['PATCH', `notices/${id}`, { body: { notice: { status: 'promoted' } } }, 422, { 'notice.status': 'must be closed (promote a notice with POST …/promote)' }],
        ['GET', 'notices/nosuchnotice', {}, 404, undefined],
        ['PATCH', 'notices/nosuchnotice', { body: { notice: { status: 'closed' } } }, 404, undefined],
        ['POST', 'notices/nosuchnotice/promote', {}, 404, undefined],
        ['GET', 'notices', { key: 'wrong' }, 401, undefined],
        ['POST', 'notices', { key: null, body: { notice: { title: 'T', body: 'x', page_access_group_ids: [ids.acme] } } }, 401, undefined],
        ['POST', `notices/${id}/promote`, { key: 'wrong' }, 401, undefined],
        ['DELETE', `notices/${id}`, {}, 405, undefined],
        ['GET', `notices/${id}/promote`, {}, 405, undefined],
      ];
      for (const [method, path, options, status, fields] of refusals) {
        const res = await h.call(method, path, options);
        expect(res.status, `${method} ${path} ${JSON.stringify(options.body)}`).toBe(status);
        if (fields) expect(res.body.fields, `${method} ${path}`).toEqual(fields);
      }
      expect(await h.allCounts()).toEqual(before);
      expect((await h.call('GET', `notices/${id}`)).body.status).toBe('open');
    });

    it('lets responder keys write, as the role table does for notices (there is no read-only key)', async () => {
      // notice.send, .close and .promote are responder actions; a key acts with its operator's role.
      const { id } = (await send({ title: 'From the pager', body: 'x', page_access_group_ids: [ids.acme] }, h.responderKey)).body;
      expect((await h.call('POST', `notices/${id}/promote`, { key: h.responderKey })).status).toBe(201);
    });
  });
}
