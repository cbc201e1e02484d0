import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { withTransaction } from '@/lib/db/transaction';
import { enqueueNotifications } from '@/lib/notify/enqueue';
import { enqueueDueReminders } from '@/lib/notify/reminders';
import { startAlertSinks, type AlertSinks } from '@/lib/notify/testing/alert-sinks';
import { expandAll } from '@/lib/notify/testing/expand-all';
import { NotificationWorker } from '@/lib/notify/worker';
import { addIncidentUpdate } from '@/lib/services/add-incident-update';
import { confirmSubscription } from '@/lib/services/confirm-subscription';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { createMaintenance } from '@/lib/services/create-maintenance';
import { updatePageSettings } from '@/lib/services/page-settings';
import { resolveIncident } from '@/lib/services/resolve-incident';
import { subscribe } from '@/lib/services/subscribe';
import { unsubscribe } from '@/lib/services/unsubscribe';

let sinks: AlertSinks;
let sink: AlertSinks['sink'];
let hooks: AlertSinks['hooks'];

beforeAll(async () => {
  sinks = await startAlertSinks();
  ({ sink, hooks } = sinks);
});
afterAll(() => sinks.close());

const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;
const header = (m: ParsedMail, name: string) =>
  m.headerLines.find((h) => h.key === name)?.line.slice(name.length + 1).trim() ?? '';

for (const dialect of testDialects()) {
  describe(`alerts on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    let worker: NotificationWorker;
    const ctx = () => ({ db: db.kysely, now: clock.now });
    const mailTo = (address: string) => sink.messages.filter((m) => to(m) === address);
    const tag = () => Math.random().toString(36).slice(2, 8);

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
      worker = new NotificationWorker({ db, now: clock.now, random: () => 0.5, concurrency: 8 });
      await updatePageSettings({ ctx: ctx(), input: { name: 'Acme IoT' } });
    });
    afterEach(async () => {
      await worker.stop();
      await db.drop();
    });

    /** Subscribes by email and clicks the link from the confirmation message. */
    async function confirmedEmail(email: string, input: { component_ids?: string[]; events?: 'all' | 'start_and_resolution' } = {}) {
      await subscribe({ ctx: ctx(), input: { type: 'email', email, ...input } });
      await worker.drain();
      const confirmation = mailTo(email).at(-1)!;
      expect(confirmation.subject).toBe('[Acme IoT status] Confirm your subscription');
      const link = /http:\/\/status\.acme\.test\/subscriptions\/confirm\/([\w-]+)/.exec(confirmation.text ?? '')!;
      expect(confirmation.html).toContain(link[0]);
      return confirmSubscription({ ctx: ctx(), input: { token: link[1]! } });
    }

    it('emails confirmed subscribers at start, each update and resolution, threaded, with one-click unsubscribe', async () => {
      const data = await createComponent({ ctx: ctx(), input: { name: 'Data service' } });
      const sms = await createComponent({ ctx: ctx(), input: { name: 'SMS' } });
      const t = tag();
      const everything = `all-${t}@example.com`;
      const milestones = `milestones-${t}@example.com`;
      const smsOnly = `sms-${t}@example.com`;
      const pending = `pending-${t}@example.com`;
      await confirmedEmail(everything);
      await confirmedEmail(milestones, { events: 'start_and_resolution' });
      await confirmedEmail(smsOnly, { component_ids: [sms.id] });
      await subscribe({ ctx: ctx(), input: { type: 'email', email: pending } });

      const incident = await createIncident({
        ctx: ctx(),
        input: { name: 'Elevated data session failures', status: 'identified', body: 'A **PGW node** rejects sessions.', components: [{ id: data.id, status: 'partial_outage' }] },
      });
      clock.advance(5);
      await addIncidentUpdate({ ctx: ctx(), input: { incidentId: incident.id, status: 'monitoring', body: 'Fix deployed.' } });
      clock.advance(5);
      await addIncidentUpdate({ ctx: ctx(), input: { incidentId: incident.id, status: 'monitoring', body: 'Quiet note.', deliverNotifications: false } });
      clock.advance(5);
      await resolveIncident({ ctx: ctx(), input: { incidentId: incident.id } });
      await worker.drain();

      const alerts = mailTo(everything).filter((m) => !m.subject?.includes('Confirm'));
      // Queued together, yet one subscriber's alerts arrive in order.
      expect(alerts.map((m) => m.subject)).toEqual([
        '[Acme IoT status] Identified: Elevated data session failures (Data service)',
        '[Acme IoT status] Monitoring: Elevated data session failures (Data service)',
        '[Acme IoT status] Resolved: Elevated data session failures (Data service)',
      ]);
      const first = alerts.find((m) => m.subject?.includes('Identified'))!;
      expect(first.text).toContain('A **PGW node** rejects sessions.');
      expect(first.html).toContain('<strong>PGW node</strong>');
      expect(first.text).toContain('Data service: Operational → Partial Outage');
      expect(first.text).toContain(`http://status.acme.test/incidents/${incident.id}`);
      expect(first.from?.text).toContain('status@acme.test');
      // One thread: every alert refers to the same root, each has its own Message-ID.
      const thread = `<incident-${incident.id}@status.acme.test>`;
      for (const m of alerts) {
        expect(m.inReplyTo).toBe(thread);
        expect(m.references).toEqual(thread);
      }
      expect(new Set(alerts.map((m) => m.messageId)).size).toBe(3);
      expect(header(first, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      const oneClick = /^<(http:\/\/status\.acme\.test\/api\/subscriptions\/unsubscribe\/([\w-]+))>$/.exec(header(first, 'list-unsubscribe'))!;
      expect(oneClick).not.toBeNull();
      expect(first.text).toContain('/subscriptions/manage/');

      expect(mailTo(milestones).filter((m) => !m.subject?.includes('Confirm')).map((m) => m.subject?.split(']')[1]?.split(':')[0]?.trim())).toEqual([
        'Identified',
        'Resolved',
      ]);
      expect(mailTo(smsOnly).filter((m) => !m.subject?.includes('Confirm'))).toEqual([]);
      expect(mailTo(pending).filter((m) => !m.subject?.includes('Confirm'))).toEqual([]);

      // The one-click token unsubscribes; nothing more arrives.
      await unsubscribe({ ctx: ctx(), input: { token: oneClick[2]! } });
      await createIncident({ ctx: ctx(), input: { name: 'Another', components: [{ id: data.id, status: 'degraded_performance' }] } });
      await worker.drain();
      // Leaving is confirmed once (issue #15); no alert follows it.
      expect(mailTo(everything).filter((m) => m.subject === '[Acme IoT status] You are unsubscribed')).toHaveLength(1);
      expect(mailTo(everything).filter((m) => !m.subject?.includes('Confirm') && !m.subject?.includes('unsubscribed'))).toHaveLength(3);
      expect(mailTo(milestones).filter((m) => m.subject?.includes('Another'))).toHaveLength(1);
    });

    it('writes one outbox row per subscriber and event, however often the event is replayed', async () => {
      await confirmedEmail(`once-${tag()}@example.com`);
      const incident = await createIncident({ ctx: ctx(), input: { name: 'Replayed' } });
      const update = await db.kysely.selectFrom('incident_updates').select('id').where('incident_id', '=', incident.id).executeTakeFirstOrThrow();
      for (let i = 0; i < 3; i++) {
        await withTransaction(db.kysely, (trx) =>
          enqueueNotifications(trx, { type: 'incident.created', incidentId: incident.id, updateId: update.id }, clock.now()),
        );
        await expandAll(db, clock.now());
      }
      const rows = await db.kysely.selectFrom('notifications').select('id').where('event_id', 'like', 'incident.created:%').execute();
      expect(rows).toHaveLength(1);
    });

    it('signs webhooks, activates them on a 2xx verify, and retries a failing endpoint with one webhook-id until it succeeds once', async () => {
      const data = await createComponent({ ctx: ctx(), input: { name: 'Data service' } });
      const path = `/hook-${tag()}`;
      const created = await subscribe({ ctx: ctx(), input: { type: 'webhook', url: `${hooks.base}${path}` } });
      if (created.type !== 'webhook') throw new Error('expected a webhook subscription');
      expect(created.secret).toMatch(/^whsec_/);
      hooks.secret(path, created.secret);
      await worker.drain();
      const verify = hooks.received.filter((r) => r.path === path);
      expect(verify.map((r) => [r.body.type, r.verified])).toEqual([['subscription.verify', true]]);
      const state = await db.kysely.selectFrom('subscribers').select('state').where('id', '=', created.id).executeTakeFirstOrThrow();
      expect(state.state).toBe('active');

      hooks.failFirst(path, 3);
      const incident = await createIncident({
        ctx: ctx(),
        input: { name: 'VPN down', status: 'investigating', components: [{ id: data.id, status: 'major_outage' }] },
      });
      for (let i = 0; i < 6; i++) {
        await worker.drain();
        clock.advance(60); // past every backoff step so far (30 s, 2 min, 10 min … with jitter)
      }
      const deliveries = hooks.received.filter((r) => r.path === path && r.body.type === 'incident.created');
      expect(deliveries.map((d) => d.status)).toEqual([503, 503, 503, 204]);
      expect(new Set(deliveries.map((d) => d.id)).size).toBe(1);
      expect(deliveries.every((d) => d.verified)).toBe(true);
      const body = deliveries.at(-1)!.body as { incident: { id: string; components: { name: string }[] }; page: { status_indicator: string }; meta: { unsubscribe: string } };
      expect(body.incident.id).toBe(incident.id);
      expect(body.incident.components.map((c) => c.name)).toEqual(['Data service']);
      expect(body.page.status_indicator).toBe('critical');
      expect(body.meta.unsubscribe).toMatch(/\/api\/subscriptions\/unsubscribe\//);
      // Component changes reach webhooks too.
      expect(hooks.received.filter((r) => r.path === path && r.body.type === 'component.updated' && r.status === 204)).toHaveLength(1);

      const row = await db.kysely
        .selectFrom('notifications')
        .innerJoin('notification_events', 'notification_events.id', 'notifications.event_id')
        .select(['notifications.id', 'notifications.state', 'notifications.attempts'])
        .where('notification_events.type', '=', 'incident.created')
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ state: 'delivered', attempts: 4 });
      const attempts = await db.kysely.selectFrom('delivery_attempts').selectAll().where('notification_id', '=', row.id).orderBy('id').execute();
      expect(attempts.map((a) => [a.attempt, a.ok, a.status_code])).toEqual([
        [1, false, 503],
        [2, false, 503],
        [3, false, 503],
        [4, true, 204],
      ]);
    });

    it('gives up after the last retry and marks the alert dead', async () => {
      const path = `/dead-${tag()}`;
      const created = await subscribe({ ctx: ctx(), input: { type: 'webhook', url: `${hooks.base}${path}` } });
      if (created.type !== 'webhook') throw new Error('expected a webhook subscription');
      hooks.secret(path, created.secret);
      await worker.drain();
      hooks.failFirst(path, 1000);
      await createIncident({ ctx: ctx(), input: { name: 'Never delivered' } });
      for (let i = 0; i < 10; i++) {
        await worker.drain();
        clock.advance(15 * 60);
      }
      const row = await db.kysely.selectFrom('notifications').select(['state', 'attempts']).where('event_id', 'like', 'incident.created:%').executeTakeFirstOrThrow();
      expect(row).toEqual({ state: 'dead', attempts: 8 });
    });

    it('returns rows whose worker died (lease expired) to the queue', async () => {
      const email = `lease-${tag()}@example.com`;
      await confirmedEmail(email);
      await createIncident({ ctx: ctx(), input: { name: 'Lease test' } });
      const { claimDue } = await import('@/lib/notify/outbox');
      const now = clock.now();
      await expandAll(db, now);
      const taken = await claimDue(db.kysely, db.dialect, { worker: 'dead-worker', limit: 10, now, leaseUntil: new Date(now.getTime() + 60_000) });
      expect(taken).toHaveLength(1);
      await worker.drain();
      expect(mailTo(email).filter((m) => m.subject?.includes('Lease test'))).toHaveLength(0);
      clock.advance(2);
      await worker.drain();
      expect(mailTo(email).filter((m) => m.subject?.includes('Lease test'))).toHaveLength(1);
    });

    it('tells maintenance subscribers when a window is scheduled', async () => {
      const email = `maint-${tag()}@example.com`;
      const noMaint = `nomaint-${tag()}@example.com`;
      await confirmedEmail(email);
      await subscribe({ ctx: ctx(), input: { type: 'email', email: noMaint, maintenance: false } });
      await worker.drain();
      await confirmSubscription({
        ctx: ctx(),
        input: { token: /confirm\/([\w-]+)/.exec(mailTo(noMaint).at(-1)!.text ?? '')![1]! },
      });
      const start = new Date(clock.now().getTime() + 3 * 86_400_000);
      await createMaintenance({
        ctx: ctx(),
        input: { name: 'Core router upgrade', scheduledFor: start.toISOString(), scheduledUntil: new Date(start.getTime() + 7_200_000).toISOString() },
      });
      await worker.drain();
      const scheduled = mailTo(email).filter((m) => m.subject === '[Acme IoT status] Scheduled maintenance: Core router upgrade');
      expect(scheduled).toHaveLength(1);
      expect(scheduled[0]!.text).toContain('Scheduled: Thu, 4 Jun 2026, 12:00 UTC to Thu, 4 Jun 2026, 14:00 UTC');
      expect(mailTo(noMaint).filter((m) => m.subject?.includes('maintenance'))).toHaveLength(0);
    });

    it('reminds maintenance subscribers once, shortly before the window', async () => {
      const email = `remind-${tag()}@example.com`;
      await confirmedEmail(email);
      const start = new Date(clock.now().getTime() + 3 * 86_400_000);
      await createMaintenance({
        ctx: ctx(),
        input: { name: 'SMSC failover test', scheduledFor: start.toISOString(), scheduledUntil: new Date(start.getTime() + 3_600_000).toISOString() },
      });
      const hour = 3_600_000;
      expect(await enqueueDueReminders(db.kysely, clock.now(), hour)).toBe(0);
      clock.advance(3 * 24 * 60 - 30);
      expect(await enqueueDueReminders(db.kysely, clock.now(), hour)).toBe(1);
      clock.advance(1);
      expect(await enqueueDueReminders(db.kysely, clock.now(), hour)).toBe(0);
      await worker.drain();
      expect(mailTo(email).filter((m) => m.subject === '[Acme IoT status] Maintenance reminder: SMSC failover test')).toHaveLength(1);
    });

    it('disables a webhook that keeps failing for the whole window and tells its owner', async () => {
      const owner = `owner-${tag()}@example.com`;
      const path = `/failing-${tag()}`;
      const strict = new NotificationWorker({ db, now: clock.now, random: () => 0.5, disableAfterMs: 3_600_000 });
      const created = await subscribe({ ctx: ctx(), input: { type: 'webhook', url: `${hooks.base}${path}`, email: owner } });
      if (created.type !== 'webhook') throw new Error('expected a webhook subscription');
      hooks.secret(path, created.secret);
      await strict.drain();
      hooks.failFirst(path, 1000);
      await createIncident({ ctx: ctx(), input: { name: 'First failure' } });
      await strict.drain();
      const failing = await db.kysely.selectFrom('subscribers').select(['state', 'failing_since']).where('id', '=', created.id).executeTakeFirstOrThrow();
      expect(failing).toEqual({ state: 'active', failing_since: clock.iso() });
      clock.advance(61);
      await createIncident({ ctx: ctx(), input: { name: 'Still failing' } });
      await strict.drain();
      await strict.stop();
      const disabled = await db.kysely.selectFrom('subscribers').select('state').where('id', '=', created.id).executeTakeFirstOrThrow();
      expect(disabled.state).toBe('disabled');
      const notice = mailTo(owner).filter((m) => m.subject === '[Acme IoT status] Your webhook subscription was disabled');
      expect(notice).toHaveLength(1);
      expect(notice[0]!.text).toContain(`${hooks.base}${path}`);
      const queued = await db.kysely.selectFrom('notifications').select('id').where('subscriber_id', '=', created.id).where('state', '=', 'queued').where('channel', '=', 'webhook').execute();
      expect(queued).toEqual([]);
    });
  });
}
