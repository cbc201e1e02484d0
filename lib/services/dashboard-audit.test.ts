import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import type { Actor, ServiceContext } from '@/lib/services/context';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { createMaintenance } from '@/lib/services/create-maintenance';
import { createOperator } from '@/lib/services/create-operator';
import { getDashboard } from '@/lib/services/get-dashboard';
import { listAuditLog } from '@/lib/services/list-audit-log';
import { resolveIncident } from '@/lib/services/resolve-incident';
import { updateComponent } from '@/lib/services/update-component';

for (const dialect of testDialects()) {
  describe(`dashboard and audit log on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    const ctx = (actor?: Actor): ServiceContext => ({ db: db.kysely, now: clock.now, actor });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
    });
    afterEach(async () => db.drop());

    it('shows what needs attention: open incidents, maintenance within 7 days, postmortems due, stuck alerts', async () => {
      await db.kysely
        .insertInto('subscribers')
        .values({ id: 'hook1', kind: 'webhook', email: null, url: 'https://hooks.example.com/a', state: 'disabled', all_components: true, events: 'all', maintenance: true, token: 't1', secret: null, confirm_token: null, confirm_expires_at: null, confirmed_at: clock.iso(), failing_since: null, disabled_at: clock.iso(), unsubscribed_at: null, created_at: clock.iso(), updated_at: clock.iso() })
        .execute();
      await db.kysely
        .insertInto('subscribers')
        .values({ id: 'mail1', kind: 'email', email: 'noc@example.com', url: null, state: 'active', all_components: true, events: 'all', maintenance: true, token: 't2', secret: null, confirm_token: null, confirm_expires_at: null, confirmed_at: clock.iso(), failing_since: null, disabled_at: null, unsubscribed_at: null, created_at: clock.iso(), updated_at: clock.iso() })
        .execute();
      const sms = await createComponent({ ctx: ctx(), input: { name: 'SMS' } });
      await createComponent({ ctx: ctx(), input: { name: 'VPN' } });
      const open = await createIncident({ ctx: ctx(), input: { name: 'SMS delayed', body: 'Looking into it', components: [{ id: sms.id, status: 'partial_outage' }] } });
      const critical = await createIncident({ ctx: ctx(), input: { name: 'VPN down', incidentClass: 'critical' } });
      await resolveIncident({ ctx: ctx(), input: { incidentId: critical.id } });
      const day = 86_400_000;
      const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
      await createMaintenance({ ctx: ctx(), input: { name: 'Soon', scheduledFor: at(2 * day), scheduledUntil: at(2 * day + 3_600_000), deliverNotifications: false } });
      await createMaintenance({ ctx: ctx(), input: { name: 'Later', scheduledFor: at(9 * day), scheduledUntil: at(9 * day + 3_600_000), deliverNotifications: false } });
      clock.advance(20);

      const d = await getDashboard({ ctx: ctx() });
      expect(d.openIncidents.map((i) => i.name)).toEqual(['SMS delayed']);
      expect(d.openIncidents[0]!.latestUpdate?.body).toBe('Looking into it');
      expect(d.postmortemsDue.map((i) => i.name)).toEqual(['VPN down']);
      expect(d.maintenance.map((m) => m.name)).toEqual(['Soon']);
      expect(d.componentGroups.flatMap((g) => g.components).find((c) => c.name === 'SMS')?.status).toBe('partial_outage');
      expect(d.delivery.disabledWebhooks).toBe(1);
      expect(d.delivery.webhooks[0]).toMatchObject({ url: 'https://hooks.example.com/a', state: 'disabled' });
      // Alerts for the incidents were written 20 minutes ago and no worker ran: they count as stuck.
      expect(d.delivery.oldestPendingSeconds).toBeGreaterThanOrEqual(20 * 60);
      expect(d.delivery.health).toBe('problem');
      expect(open.id).toBeTruthy();
    });

    it('names objects as they are called now, and filters by object, person and time', async () => {
      const ops = await createOperator({ ctx: ctx(), input: { email: 'ops@example.com', name: 'Ops', role: 'admin', password: 'correct horse battery staple' } });
      const actor: Actor = { type: 'operator', id: ops.id, name: 'Ops <ops@example.com>', role: 'admin' };
      const vpn = await createComponent({ ctx: ctx(actor), input: { name: 'VPN' } });
      clock.advance(60 * 24);
      await updateComponent({ ctx: ctx(actor), input: { id: vpn.id, name: 'VPN gateway' } });
      const api: Actor = { type: 'api_key', id: 'k1', name: 'Monitoring key', role: 'admin' };
      await createComponent({ ctx: ctx(api), input: { name: 'Portal' } });

      const all = await listAuditLog({ ctx: ctx(actor), filter: {} });
      const vpnEntries = all.entries.filter((e) => e.entity_id === vpn.id);
      expect(vpnEntries.map((e) => e.entityName)).toEqual(['VPN gateway', 'VPN gateway']);
      expect(all.actors).toEqual(['Monitoring key', 'Ops <ops@example.com>']);

      const one = await listAuditLog({ ctx: ctx(actor), filter: { entityType: 'component', entityId: vpn.id } });
      expect(one.entries).toHaveLength(2);
      const byPerson = await listAuditLog({ ctx: ctx(actor), filter: { actor: 'Monitoring' } });
      expect(byPerson.entries.map((e) => e.entityName)).toEqual(['Portal']);
      const recent = await listAuditLog({ ctx: ctx(actor), filter: { from: new Date(clock.now().getTime() - 3_600_000).toISOString() } });
      expect(recent.entries.map((e) => e.action).sort()).toEqual(['component.create', 'component.update']);
    });
  });
}
