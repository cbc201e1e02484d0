import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '@/lib/db/testing/test-db';
import { createComponent } from '@/lib/services/create-component';
import { getIncidentPage } from '@/lib/services/get-incident-page';
import { apiHarness, type ApiHarness } from '@/app/api/v1/_tests/test-harness';

for (const dialect of testDialects()) {
  describe(`management API v1: corrections on ${dialect}`, () => {
    let h: ApiHarness;
    let vpn: string;

    beforeEach(async () => {
      h = await apiHarness(dialect);
      vpn = (await createComponent({ ctx: h.ctx, input: { name: 'VPN' } })).id;
      h.clock.advance(5);
    });
    afterEach(async () => h.db.drop());

    async function resolvedOutage() {
      const created = await h.call('POST', 'incidents', { body: { incident: { name: 'VPN ouatge', body: 'Down', components: { [vpn]: 'major_outage' } } } });
      h.clock.advance(30);
      await h.call('PATCH', `incidents/${created.body.id}`, { body: { incident: { status: 'resolved', body: 'Fixed' } } });
      h.clock.advance(10);
      return created.body as { id: string; incident_updates: { id: string }[] };
    }

    it('renames a resolved incident and changes its impact override in place, no update posted', async () => {
      const { id } = await resolvedOutage();
      const renamed = await h.call('PATCH', `incidents/${id}`, { body: { incident: { name: 'VPN outage', impact_override: 'minor' } } });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'VPN outage', status: 'resolved', impact: 'minor', impact_override: 'minor' });
      expect(renamed.body.incident_updates).toHaveLength(2);
      const raised = await h.call('PATCH', `incidents/${id}`, { body: { incident: { impact_override: 'critical' } } });
      expect(raised.body).toMatchObject({ impact: 'critical', impact_override: 'critical', incident_updates: [{}, {}] });
      expect((await getIncidentPage({ ctx: h.ctx, id }))!.incident.name).toBe('VPN outage');
      const audit = await h.db.kysely.selectFrom('audit_log').select(['action', 'actor_name']).where('action', '=', 'incident.edit').execute();
      expect(audit).toHaveLength(2);
      expect(audit[0]!.actor_name).toBe('API key "monitoring"');
    });

    it('reopens a resolved incident by PATCHing an open status, quietly when told', async () => {
      const { id } = await resolvedOutage();
      const alerts = async () => Number((await h.db.kysely.selectFrom('alert_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await alerts();
      const reopened = await h.call('PATCH', `incidents/${id}`, {
        body: { incident: { status: 'investigating', body: 'Down again', components: { [vpn]: 'partial_outage' }, deliver_notifications: false } },
      });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'investigating', resolved_at: null });
      expect(reopened.body.incident_updates[0]).toMatchObject({ status: 'investigating', body: 'Down again', deliver_notifications: false });
      expect((await h.call('GET', 'incidents/unresolved')).body.map((i: { id: string }) => i.id)).toEqual([id]);
      expect((await h.call('GET', `components/${vpn}`)).body.status).toBe('partial_outage');
      expect(await alerts()).toBe(before);
    });

    it('edits an update body: updated_at moves, and the public page marks it edited', async () => {
      const { id, incident_updates } = await resolvedOutage();
      const first = incident_updates[0]!.id;
      const edited = await h.call('PATCH', `incidents/${id}/incident_updates/${first}`, { body: { incident_update: { body: 'VPN tunnels down' } } });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ id: first, body: 'VPN tunnels down', updated_at: h.clock.iso() });
      const update = (await getIncidentPage({ ctx: h.ctx, id }))!.incident.updates.find((u) => u.id === first)!;
      expect(update).toMatchObject({ body: 'VPN tunnels down', editedAt: h.clock.iso() });
      // Only the text counts as an edit: a new notify flag alone leaves the mark alone.
      h.clock.advance(3);
      await h.call('PATCH', `incidents/${id}/incident_updates/${first}`, { body: { incident_update: { deliver_notifications: false } } });
      expect((await getIncidentPage({ ctx: h.ctx, id }))!.incident.updates.find((u) => u.id === first)!.editedAt).toBe(update.editedAt);
    });
  });
}
