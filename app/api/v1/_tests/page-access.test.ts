import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '@/lib/db/testing/test-db';
import { createComponent } from '@/lib/services/create-component';
import { apiHarness, type ApiHarness } from '@/app/api/v1/_tests/test-harness';

for (const dialect of testDialects()) {
  describe(`management API v1: page access groups and users on ${dialect}`, () => {
    let h: ApiHarness;
    let vpn: string;
    let apn: string;

    beforeEach(async () => {
      h = await apiHarness(dialect);
      vpn = (await createComponent({ ctx: h.ctx, input: { name: 'Initech VPN tunnel' } })).id;
      apn = (await createComponent({ ctx: h.ctx, input: { name: 'Globex private APN' } })).id;
    });
    afterEach(async () => h.db.drop());

    it('runs the sbecker59 Terraform lifecycle: create a user, a group with it, grow both lists, delete, 404', async () => {
      // statuspage_page_access_user: POST with email only; 200, as Statuspage documents.
      const user = await h.call('POST', 'page_access_users', { body: { page_access_user: { email: 'Ops@Initech.example' } } });
      expect(user.status).toBe(200);
      expect(user.body).toMatchObject({ email: 'ops@initech.example', page_id: h.page.id, page_access_group_ids: [], external_login: null });
      h.clock.advance(1);
      const second = await h.call('POST', 'page_access_users', { body: { page_access_user: { email: 'noc@initech.example' } } });

      // statuspage_page_access_group: every field sent, external_identifier "" when unset.
      const created = await h.call('POST', 'page_access_groups', {
        body: { page_access_group: { name: 'Initech Fleet', external_identifier: '', component_ids: [vpn], metric_ids: [], page_access_user_ids: [user.body.id] } },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'Initech Fleet',
        page_id: h.page.id,
        external_identifier: null,
        component_ids: [vpn],
        metric_ids: [],
        page_access_user_ids: [user.body.id],
        support_level: 'standard',
      });
      expect(created.body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      const id = created.body.id;
      expect(await h.call('GET', `page_access_groups/${id}.json`)).toEqual({ status: 200, body: created.body });

      const grown = await h.call('PATCH', `page_access_groups/${id}`, {
        body: { page_access_group: { name: 'Initech Fleet', external_identifier: 'initech', component_ids: [vpn, apn], metric_ids: [], page_access_user_ids: [user.body.id, second.body.id], support_level: 'enterprise' } },
      });
      expect(grown.status).toBe(200);
      expect(grown.body).toMatchObject({ component_ids: [vpn, apn], page_access_user_ids: [user.body.id, second.body.id], external_identifier: 'initech', support_level: 'enterprise' });

      // The provider reads users back from the first page of the list.
      const list = await h.call('GET', 'page_access_users?page=1&per_page=100');
      expect(list.body.map((u: { email: string }) => u.email)).toEqual(['ops@initech.example', 'noc@initech.example']);
      expect(list.body[0].page_access_group_ids).toEqual([id]);

      const deleted = await h.call('DELETE', `page_access_groups/${id}`);
      expect(deleted.status).toBe(200);
      expect(deleted.body.id).toBe(id);
      expect((await h.call('GET', `page_access_groups/${id}`)).status).toBe(404);

      const gone = await h.call('DELETE', `page_access_users/${user.body.id}`);
      expect(gone).toEqual({ status: 204, body: null });
      expect((await h.call('GET', `page_access_users/${user.body.id}`)).status).toBe(404);
      expect((await h.call('DELETE', `page_access_users/${user.body.id}`)).status).toBe(404);
    });

    it('answers 409 to a second user with the same email, in any case, and writes nothing', async () => {
      await h.call('POST', 'page_access_users', { body: { page_access_user: { email: 'ops@globex.example' } } });
      const before = await h.allCounts();
      const again = await h.call('POST', 'page_access_users', { body: { page_access_user: { email: 'OPS@globex.example' } } });
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('email');
      expect(await h.allCounts()).toEqual(before);
    });

    it('accepts winebarrel external_email and the unwrapped PATCH of atlassian-python-api; filters by email', async () => {
      const group = await h.call('POST', 'page_access_groups', { body: { page_access_group: { name: 'Globex Logistics' } } });
      const user = await h.call('POST', 'page_access_users', { body: { page_access_user: { external_email: 'it@globex.example', external_login: 'uid-7', component_ids: [], metric_ids: [] } } });
      expect(user.status).toBe(200);
      expect(user.body).toMatchObject({ email: 'it@globex.example', external_email: 'it@globex.example', external_login: 'uid-7' });
      const patched = await h.call('PATCH', `page_access_users/${user.body.id}`, { body: { external_login: 'uid-8', page_access_group_ids: [group.body.id] } });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ external_login: 'uid-8', page_access_group_ids: [group.body.id], page_access_group_id: group.body.id });
      const found = await h.call('GET', 'page_access_users?email=IT@globex.example');
      expect(found.body.map((u: { id: string }) => u.id)).toEqual([user.body.id]);
      expect((await h.call('GET', 'page_access_users?email=nobody@globex.example')).body).toEqual([]);
    });

    it('edits a group\'s components as Statuspage documents: PATCH adds, POST replaces, DELETE removes', async () => {
      const group = await h.call('POST', 'page_access_groups', { body: { page_access_group: { name: 'Globex Logistics', component_ids: [apn] } } });
      const path = `page_access_groups/${group.body.id}/components`;
      expect((await h.call('PATCH', path, { body: { component_ids: [vpn] } })).body.component_ids).toEqual([apn, vpn]);
      const replaced = await h.call('POST', path, { body: { component_ids: [vpn] } });
      expect(replaced.status).toBe(201);
      expect(replaced.body.component_ids).toEqual([vpn]);
      const listed = await h.call('GET', path);
      expect(listed.body.map((c: { id: string; name: string }) => c.name)).toEqual(['Initech VPN tunnel']);
      expect((await h.call('DELETE', `${path}/${vpn}`)).body.component_ids).toEqual([]);
      await h.call('POST', path, { body: { component_ids: [vpn, apn] } });
      expect((await h.call('DELETE', path, { body: { component_ids: [apn] } })).body.component_ids).toEqual([vpn]);
      expect((await h.call('DELETE', path)).body.component_ids).toEqual([]);
      expect((await h.call('POST', path, { body: {} })).status).toBe(400);
    });

    it('gives a component to groups from the component side and takes it from all', async () => {
      const a = await h.call('POST', 'page_access_groups', { body: { page_access_group: { name: 'Globex Logistics' } } });
      const b = await h.call('POST', 'page_access_groups', { body: { page_access_group: { name: 'Initech Fleet' } } });
      const given = await h.call('POST', `components/${apn}/page_access_groups`, { body: { page_access_group_ids: [a.body.id, b.body.id] } });
      expect(given.status).toBe(201);
      expect(given.body).toMatchObject({ id: apn, name: 'Globex private APN' });
      expect((await h.call('GET', `page_access_groups/${b.body.id}`)).body.component_ids).toEqual([apn]);
      const form = await h.call('POST', `components/${vpn}/page_access_groups`, { raw: `page_access_group_ids[]=${a.body.id}`, contentType: 'application/x-www-form-urlencoded' });
      expect(form.status).toBe(201);
      expect((await h.call('GET', `page_access_groups/${a.body.id}`)).body.component_ids).toEqual([apn, vpn]);
      expect((await h.call('DELETE', `components/${apn}/page_access_groups`)).status).toBe(200);
      expect((await h.call('GET', `page_access_groups/${a.body.id}`)).body.component_ids).toEqual([vpn]);
      expect((await h.call('GET', `page_access_groups/${b.body.id}`)).body.component_ids).toEqual([]);
    });

    it('refuses bad input by field, unknown ids included, and writes nothing; responders may read, not write', async () => {
      const before = await h.allCounts();
      const cases = [
        { body: { page_access_group: { name: '' } }, field: 'page_access_group.name' },
        { body: { page_access_group: { name: 'X', support_level: 'platinum' } }, field: 'page_access_group.support_level' },
        { body: { page_access_group: { name: 'X', component_ids: ['nosuchcomponent'] } }, field: 'page_access_group.component_ids' },
        { body: { page_access_group: { name: 'X', email_domains: ['not a domain'] } }, field: 'page_access_group.email_domains' },
        { body: { page_access_group: { name: 'X', component_ids: [vpn, vpn] } }, field: 'page_access_group.component_ids' },
      ];
      for (const c of cases) {
        const res = await h.call('POST', 'page_access_groups', { body: c.body });
        expect(res.status, JSON.stringify(c.body)).toBe(422);
        expect(Object.keys(res.body.fields).some((f) => f.startsWith(c.field)), JSON.stringify(res.body)).toBe(true);
      }
      const badEmail = await h.call('POST', 'page_access_users', { body: { page_access_user: { email: 'not-an-email' } } });
      expect(badEmail.status).toBe(422);
      expect(badEmail.body.fields).toHaveProperty(['page_access_user.email']);
      expect((await h.call('POST', 'page_access_groups', { body: { page_access_group: { name: 'X' } }, key: h.responderKey })).status).toBe(403);
      expect((await h.call('GET', 'page_access_groups', { key: h.responderKey })).status).toBe(200);
      expect((await h.call('PATCH', 'page_access_groups/nosuchgroup', { body: { page_access_group: { name: 'X' } } })).status).toBe(404);
      expect(await h.allCounts()).toEqual(before);
    });
  });
}
