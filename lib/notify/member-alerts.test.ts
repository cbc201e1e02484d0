import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { startAlertSinks, type AlertSinks } from '@/lib/notify/testing/alert-sinks';
import { expandAll } from '@/lib/notify/testing/expand-all';
import { NotificationWorker } from '@/lib/notify/worker';
import { addSubscriber } from '@/lib/services/add-subscriber';
import { createAudience } from '@/lib/services/create-audience';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { createMember } from '@/lib/services/create-member';
import { updatePageSettings } from '@/lib/services/page-settings';
import { publishPostmortem } from '@/lib/services/publish-postmortem';
import { removeMember } from '@/lib/services/remove-member';
import { resolveIncident } from '@/lib/services/resolve-incident';
import { setMemberAlerts } from '@/lib/services/set-member-alerts';
import { subscribe } from '@/lib/services/subscribe';
import { updateMember } from '@/lib/services/update-member';

let sinks: AlertSinks;
beforeAll(async () => {
  sinks = await startAlertSinks();
});
afterAll(() => sinks.close());

const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;

for (const dialect of testDialects()) {
  describe(`alerts that follow what a member may see, on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    let worker: NotificationWorker;
    let ids: { data: string; tunnel: string; apn: string; initech: string; globex: string; alice: string; bob: string };
    const ctx = () => ({ db: db.kysely, now: clock.now });
    // New addresses for every test: the mail sink is shared.
    let tag = '';
    let everyone = '';
    let alice = '';
    let bob = '';
    const mail = (address: string) => sinks.sink.messages.filter((m) => to(m) === address);
    const subjects = (address: string) => mail(address).map((m) => m.subject);

    beforeEach(async () => {
      tag = Math.random().toString(36).slice(2, 8);
      [everyone, alice, bob] = [`everyone-${tag}@example.com`, `alice-${tag}@initech.example`, `bob-${tag}@globex.example`];
      db = await createTestDb(dialect);
      clock = testClock();
      worker = new NotificationWorker({ db, now: clock.now, random: () => 0.5, concurrency: 4 });
      await updatePageSettings({ ctx: ctx(), input: { name: 'Acme IoT' } });
      const data = (await createComponent({ ctx: ctx(), input: { name: 'Data service' } })).id;
      const tunnel = (await createComponent({ ctx: ctx(), input: { name: 'Initech VPN tunnel' } })).id;
      const apn = (await createComponent({ ctx: ctx(), input: { name: 'Globex private APN' } })).id;
      const initech = (await createAudience({ ctx: ctx(), input: { name: 'Initech Fleet', supportLevel: 'enterprise', componentIds: [tunnel] } })).id;
      const globex = (await createAudience({ ctx: ctx(), input: { name: 'Globex Logistics', supportLevel: 'business', componentIds: [apn] } })).id;
      const aliceId = (await createMember({ ctx: ctx(), input: { email: alice, audienceIds: [initech] } })).id;
      const bobId = (await createMember({ ctx: ctx(), input: { email: bob, audienceIds: [globex] } })).id;
      await addSubscriber({ ctx: ctx(), input: { email: everyone } });
      await db.kysely.updateTable('subscribers').set({ state: 'active' }).where('email', '=', everyone).execute();
      expect(await setMemberAlerts({ ctx: ctx(), input: { memberId: aliceId, on: true } })).toEqual({ on: true, allComponents: true });
      await setMemberAlerts({ ctx: ctx(), input: { memberId: bobId, on: true } });
      ids = { data, tunnel, apn, initech, globex, alice: aliceId, bob: bobId };
    });
    afterEach(async () => {
      await worker.stop();
      await db.drop();
    });

    it('sends a private incident to its audience’s subscribed members only', async () => {
      await createIncident({ ctx: ctx(), input: { name: 'Tunnel re-keying fails', components: [{ id: ids.tunnel, status: 'major_outage' }] } });
      await worker.drain();
      expect(subjects(alice)).toEqual(['[Acme IoT status] Investigating: Tunnel re-keying fails (Initech VPN tunnel)']);
      expect(mail(alice)[0]!.text).toContain('Initech VPN tunnel: Operational → Major Outage');
      expect(mail(everyone)).toEqual([]);
      expect(mail(bob)).toEqual([]);
    });

    it('sends a public incident once to everyone, naming to each only the components they may see', async () => {
      const incident = await createIncident({
        ctx: ctx(),
        input: { name: 'Packet core slow', components: [{ id: ids.data, status: 'degraded_performance' }, { id: ids.tunnel, status: 'partial_outage' }, { id: ids.apn, status: 'partial_outage' }] },
      });
      clock.advance(5);
      await resolveIncident({ ctx: ctx(), input: { incidentId: incident.id } });
      await worker.drain();
      expect(subjects(everyone)).toEqual(['[Acme IoT status] Investigating: Packet core slow (Data service)', '[Acme IoT status] Resolved: Packet core slow (Data service)']);
      expect(subjects(alice)).toEqual([
        '[Acme IoT status] Investigating: Packet core slow (Data service, Initech VPN tunnel)',
        '[Acme IoT status] Resolved: Packet core slow (Data service, Initech VPN tunnel)',
      ]);
      expect(subjects(bob)).toEqual([
        '[Acme IoT status] Investigating: Packet core slow (Data service, Globex private APN)',
        '[Acme IoT status] Resolved: Packet core slow (Data service, Globex private APN)',
      ]);
      const everyoneText = mail(everyone).map((m) => `${m.text}${m.html}`).join('\n');
      expect(everyoneText).not.toContain('Initech');
      expect(everyoneText).not.toContain('Globex');
      expect(mail(alice).map((m) => `${m.text}${m.html}`).join('\n')).not.toContain('Globex');
    });

    it('sends an operational incident’s postmortem to Enterprise members only', async () => {
      const incident = await createIncident({ ctx: ctx(), input: { name: 'Roaming attach delays', incidentClass: 'operational', components: [{ id: ids.data, status: 'degraded_performance' }] } });
      await resolveIncident({ ctx: ctx(), input: { incidentId: incident.id } });
      await publishPostmortem({ ctx: ctx(), input: { incidentId: incident.id, body: 'A **signalling** storm after a core upgrade.' } });
      await worker.drain();
      const postmortem = (address: string) => subjects(address).filter((s) => s?.includes('Postmortem'));
      expect(postmortem(alice)).toHaveLength(1);
      expect(postmortem(bob)).toEqual([]);
      expect(postmortem(everyone)).toEqual([]);
      // The incident itself was public: everyone heard of it.
      expect(subjects(everyone)).toHaveLength(2);
    });

    it('stops a member’s private alerts the moment they leave the audience, even one already queued', async () => {
      await createIncident({ ctx: ctx(), input: { name: 'Tunnel flaps', components: [{ id: ids.tunnel, status: 'partial_outage' }] } });
      await expandAll(db, clock.now());
      const alerts = () =>
        db.kysely
          .selectFrom('notifications')
          .innerJoin('subscribers', 'subscribers.id', 'notifications.subscriber_id')
          .select(['subscribers.email', 'notifications.state'])
          .where('notifications.event_id', 'like', 'incident.%')
          .execute();
      expect(await alerts()).toEqual([{ email: alice, state: 'queued' }]);
      await updateMember({ ctx: ctx(), input: { id: ids.alice, audienceIds: [ids.globex] } });
      await worker.drain();
      expect(mail(alice)).toEqual([]);
      expect(await alerts()).toEqual([{ email: alice, state: 'cancelled' }]);
      // Now in Globex: Globex's private alerts reach her, Initech's do not.
      await createIncident({ ctx: ctx(), input: { name: 'APN outage', components: [{ id: ids.apn, status: 'major_outage' }] } });
      await createIncident({ ctx: ctx(), input: { name: 'Tunnel down again', components: [{ id: ids.tunnel, status: 'major_outage' }] } });
      await worker.drain();
      expect(subjects(alice)).toEqual(['[Acme IoT status] Investigating: APN outage (Globex private APN)']);
    });

    it('ends a removed member’s alerts, and queued ones are not sent', async () => {
      await createIncident({ ctx: ctx(), input: { name: 'Tunnel flaps', components: [{ id: ids.tunnel, status: 'partial_outage' }] } });
      await expandAll(db, clock.now());
      await removeMember({ ctx: ctx(), id: ids.alice });
      await worker.drain();
      expect(mail(alice)).toEqual([]);
      const sub = await db.kysely.selectFrom('subscribers').select(['state', 'member_id']).where('email', '=', alice).executeTakeFirstOrThrow();
      expect(sub).toEqual({ state: 'unsubscribed', member_id: null });
      await createIncident({ ctx: ctx(), input: { name: 'Packet core slow', components: [{ id: ids.data, status: 'degraded_performance' }] } });
      await worker.drain();
      expect(mail(alice)).toEqual([]);
      expect(subjects(everyone)).toEqual(['[Acme IoT status] Investigating: Packet core slow (Data service)']);
    });

    it('takes over an address already subscribed on the public page, keeping its choice, and turns off', async () => {
      const carol = `carol-${tag}@initech.example`;
      await addSubscriber({ ctx: ctx(), input: { email: carol, componentIds: [ids.data] } });
      await db.kysely.updateTable('subscribers').set({ state: 'active' }).where('email', '=', carol).execute();
      const carolId = (await createMember({ ctx: ctx(), input: { email: carol, audienceIds: [ids.initech] } })).id;
      expect(await setMemberAlerts({ ctx: ctx(), input: { memberId: carolId, on: true } })).toEqual({ on: true, allComponents: false });
      expect(await db.kysely.selectFrom('subscribers').select('id').where('email', '=', carol).execute()).toHaveLength(1);
      expect(await setMemberAlerts({ ctx: ctx(), input: { memberId: carolId, on: false } })).toEqual({ on: false, allComponents: false });
      const audit = await db.kysely.selectFrom('audit_log').select(['action', 'actor_type']).where('entity_id', '=', carolId).where('action', 'like', 'member_alerts.%').orderBy('id').execute();
      expect(audit).toEqual([
        { action: 'member_alerts.on', actor_type: 'member' },
        { action: 'member_alerts.off', actor_type: 'member' },
      ]);
    });

    it('sends a member’s webhook the private incident, signed, and a public webhook nothing', async () => {
      const hooks = sinks.hooks;
      const mine = `/member-hook-${tag}`;
      const theirs = `/public-hook-${tag}`;
      const member = await subscribe({ ctx: ctx(), input: { type: 'webhook', url: `${hooks.base}${mine}` }, memberId: ids.alice });
      const anyone = await subscribe({ ctx: ctx(), input: { type: 'webhook', url: `${hooks.base}${theirs}` } });
      if (member.type !== 'webhook' || anyone.type !== 'webhook') throw new Error('expected webhook subscriptions');
      hooks.secret(mine, member.secret);
      hooks.secret(theirs, anyone.secret);
      await worker.drain();
      await createIncident({ ctx: ctx(), input: { name: 'Tunnel re-keying fails', components: [{ id: ids.tunnel, status: 'major_outage' }] } });
      await worker.drain();
      const got = (path: string) => hooks.received.filter((r) => r.path === path && r.body.type !== 'subscription.verify');
      // Nothing at all for the public webhook: neither the incident nor the private component's change.
      expect(got(theirs)).toEqual([]);
      expect(got(mine).map((r) => r.body.type).sort()).toEqual(['component.updated', 'incident.created']);
      const alert = got(mine).find((r) => r.body.type === 'incident.created');
      expect(alert?.verified).toBe(true);
      const incident = alert!.body.incident as { name: string; components: { name: string }[] };
      expect(incident.name).toBe('Tunnel re-keying fails');
      expect(incident.components.map((c) => c.name)).toEqual(['Initech VPN tunnel']);
    });

    it('gives a member whose audience has nothing private the public alert, with no variant of its own', async () => {
      const plain = (await createAudience({ ctx: ctx(), input: { name: 'Umbrella Utilities', supportLevel: 'standard' } })).id;
      const dana = `dana-${tag}@umbrella.example`;
      const danaId = (await createMember({ ctx: ctx(), input: { email: dana, audienceIds: [plain] } })).id;
      await setMemberAlerts({ ctx: ctx(), input: { memberId: danaId, on: true } });
      await createIncident({ ctx: ctx(), input: { name: 'Packet core slow', components: [{ id: ids.data, status: 'degraded_performance' }] } });
      await worker.drain();
      expect(subjects(dana)).toEqual(['[Acme IoT status] Investigating: Packet core slow (Data service)']);
      // One event for everyone: Umbrella has nothing private, and Initech and Globex read it alike (their components are operational).
      const events = await db.kysely.selectFrom('alert_events').select(['viewer']).where('kind', '=', 'incident.created').execute();
      expect(events.map((e) => e.viewer)).toEqual([null]);
      expect(subjects(alice)).toEqual(['[Acme IoT status] Investigating: Packet core slow (Data service)']);
    });
  });
}
