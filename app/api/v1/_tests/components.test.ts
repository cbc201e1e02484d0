import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '@/lib/db/testing/test-db';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { apiHarness, type ApiHarness } from '@/app/api/v1/_tests/test-harness';

for (const dialect of testDialects()) {
  describe(`management API v1: components and groups on ${dialect}`, () => {
    let h: ApiHarness;

    beforeEach(async () => {
      h = await apiHarness(dialect);
    });
    afterEach(async () => h.db.drop());

    it('creates, reads, updates and archives a component', async () => {
      const created = await h.call('POST', 'components', {
        body: { component: { name: 'Data service', description: 'Packet data', status: 'degraded_performance', showcase: false, start_date: '2026-05-01' } },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'Data service',
        description: 'Packet data',
        status: 'degraded_performance',
        showcase: false,
        only_show_if_degraded: false,
        group_id: null,
        group: false,
        page_id: h.page.id,
        start_date: '2026-05-01',
        position: 1,
      });
      const id = created.body.id;
      expect(await h.call('GET', `components/${id}.json`)).toEqual({ status: 200, body: created.body });

      h.clock.advance(3);
      const patched = await h.call('PATCH', `components/${id}.json`, { body: { component: { status: 'major_outage', name: 'Data' } } });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ name: 'Data', status: 'major_outage', updated_at: h.clock.iso() });
      const intervals = await h.db.kysely.selectFrom('component_status_intervals').select('status').where('component_id', '=', id).orderBy('id').execute();
      expect(intervals.map((i) => i.status)).toEqual(['degraded_performance', 'major_outage']);

      const deleted = await h.call('DELETE', `components/${id}`);
      expect(deleted).toEqual({ status: 204, body: null });
      expect((await h.call('GET', `components/${id}`)).status).toBe(404);
      expect((await h.call('GET', 'components')).body).toEqual([]);
      const row = await h.db.kysely.selectFrom('components').select('archived_at').where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.archived_at).toBe(h.clock.iso());
      expect((await h.call('DELETE', `components/${id}`)).status).toBe(404);
    });

    it('keeps the history of an archived component: its incidents still name it', async () => {
      const c = await createComponent({ ctx: h.ctx, input: { name: 'VPN' } });
      const incident = await createIncident({ ctx: h.ctx, input: { name: 'VPN down', status: 'resolved', components: [{ id: c.id, status: 'operational' }] } });
      expect((await h.call('DELETE', `components/${c.id}`)).status).toBe(204);
      const read = await h.call('GET', `incidents/${incident.id}`);
      expect(read.body.components.map((x: { id: string }) => x.id)).toEqual([c.id]);
    });

    it('lets a responder change a status but nothing else, and no create or delete', async () => {
      const c = await createComponent({ ctx: h.ctx, input: { name: 'SMS' } });
      const key = h.responderKey;
      expect((await h.call('PATCH', `components/${c.id}`, { key, body: { component: { status: 'partial_outage' } } })).status).toBe(200);
      const before = await h.counts();
      const forbidden = { status: 403, body: { message: 'You are not authorized to access this resource.' } };
      expect(await h.call('PATCH', `components/${c.id}`, { key, body: { component: { status: 'operational', name: 'Renamed' } } })).toEqual(forbidden);
      expect(await h.call('POST', 'components', { key, body: { component: { name: 'New' } } })).toEqual(forbidden);
      expect(await h.call('DELETE', `components/${c.id}`, { key })).toEqual(forbidden);
      expect(await h.call('POST', 'component-groups', { key, body: { component_group: { name: 'G', components: [c.id] } } })).toEqual(forbidden);
      expect((await h.call('GET', 'components', { key })).status).toBe(200);
      expect(await h.counts()).toEqual(before);
      expect((await h.call('GET', `components/${c.id}`)).body).toMatchObject({ name: 'SMS', status: 'partial_outage' });
    });

    it('refuses bad component bodies naming the field, writing nothing', async () => {
      const c = await createComponent({ ctx: h.ctx, input: { name: 'Portal' } });
      const before = await h.counts();
      const cases: [string, string, unknown, number, string][] = [
        ['POST', 'components', { name: 'unwrapped' }, 400, 'component'],
        ['POST', 'components', { component: { description: 'no name' } }, 422, 'component.name'],
        ['POST', 'components', { component: { name: 'x', status: 'sideways' } }, 422, 'component.status'],
        ['POST', 'components', { component: { name: 'x', showcase: 'sometimes' } }, 422, 'component.showcase'],
        ['POST', 'components', { component: { name: 'x', start_date: 'last year' } }, 422, 'component.start_date'],
        ['POST', 'components', { component: { name: 'x', group_id: 'nosuchgroup1' } }, 422, 'component.group_id'],
        ['PATCH', `components/${c.id}`, { component: { status: 'sideways' } }, 422, 'component.status'],
        ['PATCH', `components/${c.id}`, { component: { name: '' } }, 422, 'component.name'],
      ];
      for (const [method, path, body, status, field] of cases) {
        const res = await h.call(method, path, { body });
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(res.body.fields).toHaveProperty([field]);
      }
      expect(await h.counts()).toEqual(before);
      expect((await h.call('PATCH', 'components/nosuchcompo1', { body: { component: { status: 'operational' } } })).status).toBe(404);
      expect((await h.call('GET', 'components/nosuchcompo1')).status).toBe(404);
      expect((await h.call('GET', 'components', { key: null })).status).toBe(401);
    });

    it('manages groups: create with members, list entries, update membership, delete orphans members', async () => {
      const a = await createComponent({ ctx: h.ctx, input: { name: 'Data' } });
      const b = await createComponent({ ctx: h.ctx, input: { name: 'SMS' } });
      const c = await createComponent({ ctx: h.ctx, input: { name: 'Portal' } });
      const created = await h.call('POST', 'component-groups.json', {
        body: { description: 'Outside the wrapper', component_group: { name: 'Connectivity', components: [a.id, b.id] } },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Connectivity', description: 'Outside the wrapper', components: [a.id, b.id], position: 1, page_id: h.page.id });
      const gid = created.body.id;
      expect(await h.call('GET', `component-groups/${gid}`)).toEqual({ status: 200, body: created.body });
      expect((await h.call('GET', 'component-groups')).body).toEqual([created.body]);

      const list = (await h.call('GET', 'components?per_page=10')).body;
      expect(list.map((e: { name: string; group: boolean }) => [e.name, e.group])).toEqual([
        ['Connectivity', true],
        ['Data', false],
        ['SMS', false],
        ['Portal', false],
      ]);
      expect(list[1].group_id).toBe(gid);
      expect((await h.call('GET', 'components?per_page=2&page=2')).body.map((e: { name: string }) => e.name)).toEqual(['SMS', 'Portal']);

      const updated = await h.call('PATCH', `component-groups/${gid}`, { body: { component_group: { name: 'Core', description: 'Inside', components: [b.id, c.id] } } });
      expect(updated.body).toMatchObject({ name: 'Core', description: 'Inside' });
      expect([...updated.body.components].sort()).toEqual([b.id, c.id].sort());
      expect((await h.call('GET', `components/${a.id}`)).body.group_id).toBeNull();

      const deleted = await h.call('DELETE', `component-groups/${gid}`);
      expect(deleted.status).toBe(200);
      expect(deleted.body).toMatchObject({ id: gid, name: 'Core' });
      expect((await h.call('GET', `component-groups/${gid}`)).status).toBe(404);
      expect((await h.call('GET', `components/${b.id}`)).body.group_id).toBeNull();
      expect((await h.call('GET', 'components')).body).toHaveLength(3);
      const audit = await h.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', gid).execute();
      expect(audit.map((x) => x.action)).toContain('group.delete');
    });

    it('refuses bad group bodies and unknown groups', async () => {
      const a = await createComponent({ ctx: h.ctx, input: { name: 'Data' } });
      const before = await h.counts();
      const cases: [unknown, number, string][] = [
        [{ name: 'G', components: [a.id] }, 400, 'component_group'],
        [{ component_group: { components: [a.id] } }, 422, 'component_group.name'],
        [{ component_group: { name: 'G' } }, 422, 'component_group.components'],
        [{ component_group: { name: 'G', components: [] } }, 422, 'component_group.components'],
        [{ component_group: { name: 'G', components: ['nosuchcompo1'] } }, 422, 'component_group.components'],
        [{ component_group: { name: 'G', components: 'abc' } }, 422, 'component_group.components'],
      ];
      for (const [body, status, field] of cases) {
        const res = await h.call('POST', 'component-groups', { body });
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(res.body.fields).toHaveProperty([field]);
      }
      expect(await h.counts()).toEqual(before);
      expect((await h.call('GET', 'component-groups/nosuchgroup1')).status).toBe(404);
      expect((await h.call('PATCH', 'component-groups/nosuchgroup1', { body: { component_group: { name: 'x' } } })).status).toBe(404);
      expect((await h.call('DELETE', 'component-groups/nosuchgroup1')).status).toBe(404);
      expect((await h.call('GET', 'component-groups', { key: null })).status).toBe(401);
    });
  });
}
