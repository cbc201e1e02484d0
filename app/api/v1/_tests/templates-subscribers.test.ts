import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '@/lib/db/testing/test-db';
import { createComponent } from '@/lib/services/create-component';
import { apiHarness, type ApiHarness } from '@/app/api/v1/_tests/test-harness';

for (const dialect of testDialects()) {
  describe(`management API v1: templates and subscribers on ${dialect}`, () => {
    let h: ApiHarness;
    let vpn: string;

    beforeEach(async () => {
      h = await apiHarness(dialect);
      vpn = (await createComponent({ ctx: h.ctx, input: { name: 'VPN' } })).id;
    });
    afterEach(async () => h.db.drop());

    it('creates, lists, reads, updates and deletes incident templates (responders too)', async () => {
      const key = h.responderKey;
      const created = await h.call('POST', 'incident_templates.json', {
        key,
        body: { template: { name: 'VPN outage', title: 'VPN unavailable', body: 'We are investigating VPN.', update_status: 'investigating', component_ids: [vpn], should_tweet: 'f' } },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'VPN outage',
        title: 'VPN unavailable',
        body: 'We are investigating VPN.',
        update_status: 'investigating',
        group_id: null,
        should_tweet: false,
        should_send_notifications: true,
      });
      expect(created.body.components.map((c: { id: string; name: string }) => [c.id, c.name])).toEqual([[vpn, 'VPN']]);
      const id = created.body.id;
      expect((await h.call('GET', 'incident_templates', { key })).body).toEqual([created.body]);
      expect(await h.call('GET', `incident_templates/${id}`, { key })).toEqual({ status: 200, body: created.body });

      const updated = await h.call('PATCH', `incident_templates/${id}`, { key, body: { template: { title: 'VPN down', component_ids: [] } } });
      expect(updated.body).toMatchObject({ name: 'VPN outage', title: 'VPN down', components: [] });
      const deleted = await h.call('DELETE', `incident_templates/${id}`, { key });
      expect(deleted).toEqual({ status: 200, body: updated.body });
      expect((await h.call('GET', `incident_templates/${id}`)).status).toBe(404);
      const audit = await h.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['incident_template.create', 'incident_template.update', 'incident_template.delete']);
    });

    it('refuses bad template bodies naming the field, writing nothing', async () => {
      const before = await h.counts();
      const cases: [unknown, number, string][] = [
        [{ incident_template: { name: 'x' } }, 400, 'template'],
        [{ template: { title: 't', body: 'b' } }, 422, 'template.name'],
        [{ template: { name: 'n', body: 'b' } }, 422, 'template.title'],
        [{ template: { name: 'n', title: 't', body: 'b', update_status: 'exploded' } }, 422, 'template.update_status'],
        [{ template: { name: 'n', title: 't', body: 'b', component_ids: ['nosuchcompo1'] } }, 422, 'template.component_ids'],
      ];
      for (const [body, status, field] of cases) {
        const res = await h.call('POST', 'incident_templates', { body });
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(res.body.fields).toHaveProperty([field]);
      }
      expect(await h.counts()).toEqual(before);
      expect((await h.call('PATCH', 'incident_templates/nosuchtempl1', { body: { template: { name: 'x' } } })).status).toBe(404);
      expect((await h.call('DELETE', 'incident_templates/nosuchtempl1')).status).toBe(404);
      expect((await h.call('GET', 'incident_templates', { key: null })).status).toBe(401);
    });

    it('lists subscribers by state and type, without tokens or secrets', async () => {
      const at = h.clock.iso();
      const base = { all_components: true, events: 'all' as const, maintenance: true, secret: null, confirm_token: null, confirm_expires_at: null, confirmed_at: null, failing_since: null, disabled_at: null, unsubscribed_at: null, created_at: at, updated_at: at };
      await h.db.kysely
        .insertInto('subscribers')
        .values([
          { ...base, id: 'sub000000001', kind: 'email', email: 'a@example.com', url: null, state: 'active', token: 'tok1' },
          { ...base, id: 'sub000000002', kind: 'webhook', email: null, url: 'https://hooks.example.com/x', state: 'active', token: 'tok2', secret: 'whsec_x', all_components: false },
          { ...base, id: 'sub000000003', kind: 'email', email: 'b@example.com', url: null, state: 'pending', token: 'tok3' },
          { ...base, id: 'sub000000004', kind: 'email', email: 'c@example.com', url: null, state: 'unsubscribed', token: 'tok4' },
        ])
        .execute();
      await h.db.kysely.insertInto('subscriber_components').values({ subscriber_id: 'sub000000002', component_id: vpn }).execute();

      const active = await h.call('GET', 'subscribers', { key: h.responderKey });
      expect(active.status).toBe(200);
      expect(active.body.map((s: { id: string }) => s.id).sort()).toEqual(['sub000000001', 'sub000000002']);
      const hook = active.body.find((s: { id: string }) => s.id === 'sub000000002');
      expect(hook).toMatchObject({ mode: 'webhook', endpoint: 'https://hooks.example.com/x', components: [vpn], quarantined_at: null });
      expect(JSON.stringify(active.body)).not.toMatch(/tok[0-9]|whsec_/);

      expect((await h.call('GET', 'subscribers?type=webhook')).body.map((s: { id: string }) => s.id)).toEqual(['sub000000002']);
      expect((await h.call('GET', 'subscribers?type=sms')).body).toEqual([]);
      expect((await h.call('GET', 'subscribers?state=unconfirmed')).body.map((s: { email: string }) => s.email)).toEqual(['b@example.com']);
      expect((await h.call('GET', 'subscribers/unsubscribed')).body.map((s: { email: string }) => s.email)).toEqual(['c@example.com']);
      expect((await h.call('GET', 'subscribers?q=A@EXAMPLE')).body.map((s: { id: string }) => s.id)).toEqual(['sub000000001']);
      expect((await h.call('GET', 'subscribers?state=all&limit=2&page=2')).body).toHaveLength(1);
      expect((await h.call('GET', 'subscribers/sub000000001')).body).toMatchObject({ email: 'a@example.com', components: null });
      expect((await h.call('GET', 'subscribers/nosuchsubsc1')).status).toBe(404);
      expect((await h.call('GET', 'subscribers?sort_field=size')).status).toBe(400);
      expect((await h.call('PATCH', 'subscribers/sub000000001', { body: { component_ids: [] } })).status).toBe(405);
      expect((await h.call('GET', 'subscribers', { key: null })).status).toBe(401);
    });

    it('adds email and webhook subscribers through the double opt-in flow, and unsubscribes them', async () => {
      const email = await h.call('POST', 'subscribers', { body: { subscriber: { email: 'Noc@Example.com', component_ids: [vpn], skip_confirmation_notification: 't' } } });
      expect(email.status).toBe(201);
      expect(email.body).toMatchObject({ mode: 'email', email: 'noc@example.com', endpoint: null, components: [vpn] });
      expect(email.body).not.toHaveProperty('secret');
      expect((await h.call('GET', 'subscribers?state=unconfirmed')).body.map((s: { id: string }) => s.id)).toEqual([email.body.id]);
      const queued = await h.db.kysely.selectFrom('notifications').select('subscriber_id').execute();
      expect(queued.map((n) => n.subscriber_id)).toEqual([email.body.id]);

      const hook = await h.call('POST', 'subscribers.json', { body: { subscriber: { endpoint: 'https://93.184.216.34/hooks/status' } } });
      expect(hook.status).toBe(201);
      expect(hook.body).toMatchObject({ mode: 'webhook', endpoint: 'https://93.184.216.34/hooks/status', components: null });
      expect(hook.body.secret).toMatch(/^whsec_/);

      const removed = await h.call('DELETE', `subscribers/${email.body.id}`);
      expect(removed.status).toBe(200);
      expect(removed.body.id).toBe(email.body.id);
      expect((await h.call('GET', 'subscribers/unsubscribed')).body.map((s: { id: string }) => s.id)).toEqual([email.body.id]);
      expect((await h.call('DELETE', `subscribers/${email.body.id}`)).status).toBe(404);
      const audit = await h.db.kysely.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_type', '=', 'subscriber').orderBy('id').execute();
      expect(audit).toEqual([
        { action: 'subscriber.create', entity_id: email.body.id },
        { action: 'subscriber.create', entity_id: hook.body.id },
        { action: 'subscriber.unsubscribe', entity_id: email.body.id },
      ]);
      expect(JSON.stringify(await h.db.kysely.selectFrom('audit_log').select('after').execute())).not.toMatch(/whsec_/);
    });

    it('refuses bad subscriber bodies, private webhook targets and responders, writing nothing', async () => {
      const before = await h.counts();
      const cases: [unknown, number, string][] = [
        [{ email: 'x@example.com' }, 400, 'subscriber'],
        [{ subscriber: {} }, 422, 'subscriber.email'],
        [{ subscriber: { email: 'not an email' } }, 422, 'subscriber.email'],
        [{ subscriber: { endpoint: 'http://127.0.0.1:9/hook' } }, 422, 'subscriber.endpoint'],
        [{ subscriber: { endpoint: 'ftp://example.com/x' } }, 422, 'subscriber.endpoint'],
        [{ subscriber: { phone_number: '2025550105', phone_country: 'us' } }, 422, 'subscriber.phone_number'],
        [{ subscriber: { email: 'x@example.com', component_ids: ['nosuchcompo1'] } }, 422, 'subscriber.component_ids'],
      ];
      for (const [body, status, field] of cases) {
        const res = await h.call('POST', 'subscribers', { body });
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(res.body.fields, JSON.stringify(res.body)).toHaveProperty([field]);
      }
      expect((await h.call('POST', 'subscribers', { key: h.responderKey, body: { subscriber: { email: 'x@example.com' } } })).status).toBe(403);
      expect((await h.call('DELETE', 'subscribers/nosuchsubsc1')).status).toBe(404);
      expect(await h.counts()).toEqual(before);
      expect(await h.db.kysely.selectFrom('subscribers').selectAll().execute()).toEqual([]);
    });
  });
}
