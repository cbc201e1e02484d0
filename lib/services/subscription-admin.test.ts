import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { getOutboxBacklog, listDeliveries, retryNotification } from '@/lib/services/admin-deliveries';
import { listSubscribers, subscribersCsv } from '@/lib/services/admin-subscribers';
import { deleteSubscriber } from '@/lib/services/delete-subscriber';
import { createComponent } from '@/lib/services/create-component';
import { ConflictError, ValidationError } from '@/lib/services/errors';
import { subscribe } from '@/lib/services/subscribe';
import { updateSubscription } from '@/lib/services/update-subscription';
import { unsubscribe } from '@/lib/services/unsubscribe';
import { getSubscription } from '@/lib/services/get-subscription';
import { confirmSubscription } from '@/lib/services/confirm-subscription';
import { confirmToken, subscriberLinks } from '@/lib/notify/links';
import { hashToken } from '@/lib/services/subscription-tokens';

for (const dialect of testDialects()) {
  describe(`subscription management on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    const ctx = () => ({ db: db.kysely, now: clock.now });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
    });
    afterEach(async () => db.drop());

    /** The tokens of the subscriber's links as issued: the confirm link's from its queued message, the manage link's from links.ts. */
    const tokenOf = async (email: string) => {
      const row = await db.kysely.selectFrom('subscribers').select(['id', 'confirm_token']).where('email', '=', email).executeTakeFirstOrThrow();
      const events = await db.kysely
        .selectFrom('notification_events')
        .innerJoin('notifications', 'notifications.event_id', 'notification_events.id')
        .select('payload')
        .where('notifications.subscriber_id', '=', row.id)
        .where('notification_events.type', '=', 'subscription.confirm')
        .execute();
      const sent = events.map((e) => confirmToken(row.id, (JSON.parse(e.payload) as { confirmNonce: string }).confirmNonce));
      const manage = subscriberLinks('http://x', row.id).manage;
      return { token: manage.slice(manage.lastIndexOf('/') + 1), confirm_token: sent.find((t) => hashToken(t) === row.confirm_token) };
    };

    it('re-sends the confirmation while pending, expires it after 48 h, and names bad fields', async () => {
      await subscribe({ ctx: ctx(), input: { type: 'email', email: 'Ops@Example.com' } });
      const first = await tokenOf('ops@example.com');
      await subscribe({ ctx: ctx(), input: { type: 'email', email: 'ops@example.com' } });
      const second = await tokenOf('ops@example.com');
      expect(second.confirm_token).not.toBe(first.confirm_token);
      const confirmations = await db.kysely.selectFrom('notifications').select('id').where('event_id', 'like', 'subscription.confirm:%').execute();
      expect(confirmations).toHaveLength(2);
      clock.advance(49 * 60);
      await expect(confirmSubscription({ ctx: ctx(), input: { token: second.confirm_token! } })).rejects.toMatchObject({ status: 410 });

      await expect(subscribe({ ctx: ctx(), input: { type: 'email', email: 'not-an-email' } })).rejects.toMatchObject({ fields: { email: 'must be a valid email address' } });
      await expect(subscribe({ ctx: ctx(), input: { type: 'webhook', url: 'ftp://example.com/x' } as never })).rejects.toBeInstanceOf(ValidationError);
      await expect(subscribe({ ctx: ctx(), input: { type: 'email', email: 'a@b.co', component_ids: ['nosuchcomponent'] } })).rejects.toMatchObject({
        fields: { component_ids: 'unknown component nosuchcomponent' },
      });
    });

    it('changes preferences and unsubscribes from the manage token', async () => {
      const sms = await createComponent({ ctx: ctx(), input: { name: 'SMS' } });
      await subscribe({ ctx: ctx(), input: { type: 'email', email: 'm@example.com' } });
      const { token, confirm_token } = await tokenOf('m@example.com');
      await confirmSubscription({ ctx: ctx(), input: { token: confirm_token! } });
      await updateSubscription({ ctx: ctx(), input: { token, component_ids: [sms.id], events: 'start_and_resolution', maintenance: false } });
      const view = (await getSubscription(db.kysely, token, clock.now()))!;
      expect(view.subscriber).toMatchObject({ state: 'active', all_components: false, events: 'start_and_resolution', maintenance: false });
      expect(view.componentIds).toEqual([sms.id]);
      await unsubscribe({ ctx: ctx(), input: { token } });
      await unsubscribe({ ctx: ctx(), input: { token } });
      expect((await getSubscription(db.kysely, token, clock.now()))!.subscriber.state).toBe('unsubscribed');
    });

    it('lists, counts, filters, exports and removes subscribers; retries only dead deliveries', async () => {
      const data = await createComponent({ ctx: ctx(), input: { name: 'Data service' } });
      await subscribe({ ctx: ctx(), input: { type: 'email', email: 'all@example.com' } });
      await subscribe({ ctx: ctx(), input: { type: 'email', email: 'cmd@example.com', component_ids: [data.id] } });
      const { items, counts } = await listSubscribers(db.kysely, { q: 'cmd' });
      expect(items.map((i) => i.email)).toEqual(['cmd@example.com']);
      expect(counts).toEqual([{ kind: 'email', state: 'pending', n: 2 }]);
      expect((await listSubscribers(db.kysely, { componentId: data.id })).items).toHaveLength(2);
      // Formula-looking cells are defused, quotes and commas escaped.
      const csv = subscribersCsv([{ ...items[0]!, email: '=HYPERLINK("x")', url: 'a,b' }]);
      expect(csv.split('\r\n')[1]).toContain(`,"'=HYPERLINK(""x"")","a,b",`);

      const backlog = await getOutboxBacklog(db.kysely, clock.now());
      expect(backlog).toMatchObject({ queued: 2, dead: 0, oldestAgeSeconds: 0 });
      const [delivery] = await listDeliveries(db.kysely, { state: 'queued' });
      await expect(retryNotification({ ctx: ctx(), input: { id: delivery!.id } })).rejects.toBeInstanceOf(ConflictError);
      await db.kysely.updateTable('notifications').set({ state: 'dead', attempts: 8 }).where('id', '=', delivery!.id).execute();
      await retryNotification({ ctx: ctx(), input: { id: delivery!.id } });
      expect((await listDeliveries(db.kysely, { state: 'dead' }))).toHaveLength(0);

      await deleteSubscriber({ ctx: ctx(), input: { id: items[0]!.id } });
      expect((await listSubscribers(db.kysely, {})).items.map((i) => i.email)).toEqual(['all@example.com']);
    });
  });
}
