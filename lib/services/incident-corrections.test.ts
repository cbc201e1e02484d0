import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { addIncidentUpdate } from '@/lib/services/add-incident-update';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { correctStatusInterval } from '@/lib/services/correct-status-interval';
import { editIncident } from '@/lib/services/edit-incident';
import { editIncidentUpdate } from '@/lib/services/edit-incident-update';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/services/errors';
import { getIncidentPage } from '@/lib/services/get-incident-page';
import { getStatusPage } from '@/lib/services/get-status-page';
import { listIncidentIntervals } from '@/lib/services/list-incident-intervals';
import { reopenIncident } from '@/lib/services/reopen-incident';
import { resolveIncident } from '@/lib/services/resolve-incident';
import { withdrawIncidentUpdate } from '@/lib/services/withdraw-incident-update';
import { listWithdrawnUpdates } from '@/lib/services/list-withdrawn-updates';
import type { ServiceContext } from '@/lib/services/context';
import { onChange } from '@/lib/live/change-bus';
import { scopeOf } from '@/lib/snapshot/change-scope';

for (const dialect of testDialects()) {
  describe(`incident corrections on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    const actor = { type: 'operator' as const, id: 'op0000000001', name: 'Night lead', role: 'responder' as const };
    const ctx = (): ServiceContext => ({ db: db.kysely, now: clock.now, actor });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock('2026-06-10T08:00:00.000Z');
    });
    afterEach(async () => db.drop());

    async function openOutage() {
      const setup = { db: db.kysely, now: clock.now };
      const vpn = await createComponent({ ctx: setup, input: { name: 'VPN' } });
      const sms = await createComponent({ ctx: setup, input: { name: 'SMS' } });
      clock.advance(60);
      const incident = await createIncident({
        ctx: ctx(),
        input: { name: 'VPN ouatge', body: 'We are investigatign.', components: [{ id: vpn.id, status: 'major_outage' }] },
      });
      return { vpn, sms, incident };
    }

    const audit = (action: string) =>
      db.kysely.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

    it('renames an incident and changes its impact and affected components in place, audited', async () => {
      const { vpn, sms, incident } = await openOutage();
      expect(incident.impact).toBe('critical');
      clock.advance(5);
      await editIncident({ ctx: ctx(), input: { id: incident.id, name: 'VPN outage', impactOverride: 'major', componentIds: [vpn.id, sms.id] } });
      let page = (await getIncidentPage({ ctx: ctx(), id: incident.id }))!;
      expect(page.incident.name).toBe('VPN outage');
      expect(page.incident.impact).toBe('major');
      expect(page.incident.components.map((c) => c.name)).toEqual(['SMS', 'VPN']);
      expect(page.incident.updates).toHaveLength(1);

      // Back to automatic: the impact the components implied, not the override left behind.
      await editIncident({ ctx: ctx(), input: { id: incident.id, impactOverride: null, componentIds: [vpn.id] } });
      page = (await getIncidentPage({ ctx: ctx(), id: incident.id }))!;
      expect(page.incident.impact).toBe('critical');
      expect(page.incident.components.map((c) => c.name)).toEqual(['VPN']);

      const [first] = await audit('incident.edit');
      expect(first!.actor_name).toBe('Night lead');
      expect(JSON.parse(String(typeof first!.before === 'string' ? first!.before : JSON.stringify(first!.before)))).toMatchObject({ name: 'VPN ouatge', componentIds: [vpn.id] });
      await expect(editIncident({ ctx: ctx(), input: { id: incident.id, name: '  ' } })).rejects.toBeInstanceOf(ValidationError);
      await expect(editIncident({ ctx: ctx(), input: { id: incident.id, componentIds: ['nosuchcompon'] } })).rejects.toBeInstanceOf(ValidationError);
      expect((await getIncidentPage({ ctx: ctx(), id: incident.id }))!.incident.name).toBe('VPN outage');
    });

    it('edits an update with an edited mark, and withdraws one from every public view', async () => {
      const { incident } = await openOutage();
      const first = (await getIncidentPage({ ctx: ctx(), id: incident.id }))!.incident.updates[0]!;
      expect(first.editedAt).toBeNull();
      clock.advance(10);
      const { update: mistake } = await addIncidentUpdate({ ctx: ctx(), input: { incidentId: incident.id, status: 'identified', body: 'Wrong incident, sorry' } });
      clock.advance(1);
      await editIncidentUpdate({ ctx: ctx(), input: { incidentId: incident.id, updateId: first.id, body: 'We are investigating.' } });
      await withdrawIncidentUpdate({ ctx: ctx(), input: { incidentId: incident.id, updateId: mistake.id } });

      const updates = (await getIncidentPage({ ctx: ctx(), id: incident.id }))!.incident.updates;
      expect(updates.map((u) => u.body)).toEqual(['We are investigating.']);
      expect(updates[0]!.editedAt).toBe(clock.iso());
      const [edit] = await audit('incident_update.edit');
      expect(JSON.stringify(edit!.before)).toContain('investigatign');
      const [withdrawal] = await audit('incident_update.withdraw');
      expect(JSON.stringify(withdrawal!.before)).toContain('Wrong incident, sorry');
      // The console still shows what was taken back, and when.
      expect(await listWithdrawnUpdates({ ctx: ctx(), incidentId: incident.id })).toEqual([
        { id: mistake.id, status: 'identified', body: 'Wrong incident, sorry', displayAt: mistake.display_at, withdrawnAt: clock.iso() },
      ]);

      // The last update cannot go, and a withdrawn one is no longer there to edit.
      await expect(withdrawIncidentUpdate({ ctx: ctx(), input: { incidentId: incident.id, updateId: first.id } })).rejects.toBeInstanceOf(ValidationError);
      await expect(editIncidentUpdate({ ctx: ctx(), input: { incidentId: incident.id, updateId: mistake.id, body: 'x' } })).rejects.toBeInstanceOf(NotFoundError);
    });

    it('reopens a resolved incident quietly unless told to notify, setting components as asked', async () => {
      const { vpn, incident } = await openOutage();
      await db.kysely.insertInto('subscribers').values({
        id: 'sub000000001', kind: 'email', email: 'noc@example.com', url: null, state: 'active', all_components: true, events: 'all',
        maintenance: true, token: 't'.repeat(64), secret: null, confirm_token: null, confirm_expires_at: null, confirmed_at: clock.iso(),
        failing_since: null, disabled_at: null, unsubscribed_at: null, created_at: clock.iso(), updated_at: clock.iso(),
      }).execute();
      clock.advance(30);
      await resolveIncident({ ctx: ctx(), input: { incidentId: incident.id } });
      const alerts = async () => Number((await db.kysely.selectFrom('alert_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const afterResolve = await alerts();
      clock.advance(10);

      await expect(reopenIncident({ ctx: ctx(), input: { incidentId: incident.id, status: 'identified' } })).resolves.toBeDefined();
      await expect(reopenIncident({ ctx: ctx(), input: { incidentId: incident.id } })).rejects.toBeInstanceOf(ConflictError);
      let page = (await getIncidentPage({ ctx: ctx(), id: incident.id }))!;
      expect(page.incident.status).toBe('identified');
      expect(page.incident.resolvedAt).toBeNull();
      expect(await alerts()).toBe(afterResolve);
      const live = await getStatusPage({ ctx: ctx(), uptime: false });
      expect(live.activeIncidents.map((i) => i.id)).toEqual([incident.id]);

      clock.advance(10);
      await resolveIncident({ ctx: ctx(), input: { incidentId: incident.id } });
      const beforeLoud = await alerts();
      clock.advance(5);
      await reopenIncident({ ctx: ctx(), input: { incidentId: incident.id, body: 'It is down again.', components: [{ id: vpn.id, status: 'partial_outage' }], deliverNotifications: true } });
      page = (await getIncidentPage({ ctx: ctx(), id: incident.id }))!;
      expect(page.incident.status).toBe('investigating');
      expect(page.incident.updates[0]!.changes).toEqual([expect.objectContaining({ componentId: vpn.id, oldStatus: 'operational', newStatus: 'partial_outage' })]);
      expect(await alerts()).toBeGreaterThan(beforeLoud);
      expect(await audit('incident.reopen')).toHaveLength(2);
    });

    it('announces each correction with the scope of the pages it changes', async () => {
      const { vpn, incident } = await openOutage();
      clock.advance(30);
      await resolveIncident({ ctx: ctx(), input: { incidentId: incident.id } });
      clock.advance(10);
      const seen: ReturnType<typeof scopeOf>[] = [];
      const stop = onChange((event) => seen.push(scopeOf(event)));
      try {
        await editIncident({ ctx: ctx(), input: { id: incident.id, name: 'VPN outage' } });
        const updateId = (await getIncidentPage({ ctx: ctx(), id: incident.id }))!.incident.updates[0]!.id;
        await editIncidentUpdate({ ctx: ctx(), input: { incidentId: incident.id, updateId, body: 'Resolved.' } });
        await withdrawIncidentUpdate({ ctx: ctx(), input: { incidentId: incident.id, updateId } });
        // The incident's own page and the history pages listing it; `/` is rebuilt on every change.
        expect(seen).toEqual([0, 1, 2].map(() => ({ all: false, incidents: new Set([incident.id]), componentStatus: false })));
        seen.length = 0;
        const outage = (await listIncidentIntervals({ ctx: ctx(), incidentId: incident.id }))[0]!.intervals.find((i) => i.status === 'major_outage')!;
        await correctStatusInterval({ ctx: ctx(), input: { componentId: vpn.id, intervalId: outage.id, startedAt: '2026-06-10T08:30:00.000Z' } });
        // Uptime shows on `/`, the component pages and badges: everything.
        expect(seen).toEqual([expect.objectContaining({ all: true })]);
      } finally {
        stop();
      }
    });

    it('corrects when an outage really ended, and the uptime of that day follows', async () => {
      const { vpn, incident } = await openOutage(); // major outage from 09:00
      clock.advance(120); // 11:00
      await resolveIncident({ ctx: ctx(), input: { incidentId: incident.id } });
      clock.advance(12 * 60); // 23:00
      const dayOf = async () => {
        const view = await getStatusPage({ ctx: ctx() });
        const c = [...view.ungrouped, ...view.groups.flatMap((g) => g.components)].find((x) => x.id === vpn.id)!;
        return c.uptime!.days.at(-1)!;
      };
      const before = await dayOf();

      const [history] = await listIncidentIntervals({ ctx: ctx(), incidentId: incident.id });
      const outage = history!.intervals.find((i) => i.status === 'major_outage')!;
      expect(outage.endedAt).toBe('2026-06-10T11:00:00.000Z');
      await correctStatusInterval({ ctx: ctx(), input: { componentId: vpn.id, intervalId: outage.id, endedAt: '2026-06-10T09:30:00.000Z' } });

      const after = await dayOf();
      expect(after.uptime!).toBeGreaterThan(before.uptime!);
      const corrected = (await listIncidentIntervals({ ctx: ctx(), incidentId: incident.id }))[0]!.intervals;
      expect(corrected.map((i) => [i.status, i.startedAt, i.endedAt])).toEqual([
        ['operational', '2026-06-10T08:00:00.000Z', '2026-06-10T09:00:00.000Z'],
        ['major_outage', '2026-06-10T09:00:00.000Z', '2026-06-10T09:30:00.000Z'],
        ['operational', '2026-06-10T09:30:00.000Z', null],
      ]);
      const [entry] = await audit('component.history_correct');
      expect(JSON.stringify(entry!.before)).toContain('2026-06-10T11:00:00.000Z');

      // Bad corrections change nothing.
      await expect(
        correctStatusInterval({ ctx: ctx(), input: { componentId: vpn.id, intervalId: outage.id, endedAt: '2026-06-10T08:30:00.000Z' } }),
      ).rejects.toMatchObject({ fields: { endedAt: 'must be after the start' } });
      await expect(
        correctStatusInterval({ ctx: ctx(), input: { componentId: vpn.id, intervalId: outage.id, endedAt: '2026-06-11T09:00:00.000Z' } }),
      ).rejects.toBeInstanceOf(ValidationError);
      expect((await dayOf()).uptime).toBe(after.uptime);
    });
  });
}
