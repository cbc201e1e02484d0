import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { hashedTokens } from '@/lib/db/migrations/006-hashed-tokens';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { subscriberLinks } from '@/lib/notify/links';
import { NotificationWorker } from '@/lib/notify/worker';
import { addSubscriber } from '@/lib/services/add-subscriber';
import { confirmSubscription, getPendingConfirmation } from '@/lib/services/confirm-subscription';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { getSubscription } from '@/lib/services/get-subscription';
import { subscribe } from '@/lib/services/subscribe';
import { unsubscribe } from '@/lib/services/unsubscribe';
import { updateSubscription } from '@/lib/services/update-subscription';

// Dev mailbox mode: no SMTP, so mail lands in the table these tests read.
delete process.env.SMTP_URL;
process.env.BEACON_ALLOW_PRIVATE_WEBHOOKS = 'true';
process.env.BEACON_PUBLIC_URL = 'http://status.acme.test';
process.env.BEACON_SECRET = 'test-secret-test-secret-test-secret-0123';

const tokenIn = (url: string) => url.slice(url.lastIndexOf('/') + 1);

for (const dialect of testDialects()) {
  describe(`subscription safety on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    let worker: NotificationWorker;
    const ctx = () => ({ db: db.kysely, now: clock.now });
    const row = (email: string) => db.kysely.selectFrom('subscribers').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    const confirmLinkIn = async (email: string) => {
      await worker.drain();
      const mail = await db.kysely.selectFrom('dev_mailbox').select('text').where('to', '=', email).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      return /http:\/\/status\.acme\.test\/subscriptions\/confirm\/([\w-]+)/.exec(mail.text)![1]!;
    };

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
      worker = new NotificationWorker({ db, now: clock.now, random: () => 0.5, concurrency: 4 });
    });
    afterEach(async () => {
      await worker.stop();
      await db.drop();
    });

    it('opening the confirm link changes nothing; the POST behind its button confirms', async () => {
      await subscribe({ ctx: ctx(), input: { type: 'email', email: 'scan@example.com' } });
      const token = await confirmLinkIn('scan@example.com');
      // A mail scanner opens the page (the GET) as often as it likes.
      expect(await getPendingConfirmation({ ctx: ctx(), input: { token } })).toEqual({ email: 'scan@example.com' });
      await getPendingConfirmation({ ctx: ctx(), input: { token } });
      expect((await row('scan@example.com')).state).toBe('pending');
      const done = await confirmSubscription({ ctx: ctx(), input: { token } });
      expect((await row('scan@example.com')).state).toBe('active');
      expect(done.manageUrl).toMatch(/^http:\/\/status\.acme\.test\/subscriptions\/manage\//);
      await expect(getPendingConfirmation({ ctx: ctx(), input: { token } })).rejects.toMatchObject({ status: 404 });
    });

    it('stores no usable token: links rebuilt from the row fail, issued links work', async () => {
      await subscribe({ ctx: ctx(), input: { type: 'email', email: 'row@example.com' } });
      const confirmToken = await confirmLinkIn('row@example.com');
      const pending = await row('row@example.com');
      expect(pending.confirm_token).not.toBe(confirmToken);
      await expect(confirmSubscription({ ctx: ctx(), input: { token: pending.confirm_token! } })).rejects.toMatchObject({ status: 404 });
      const { manageUrl } = await confirmSubscription({ ctx: ctx(), input: { token: confirmToken } });

      const stored = (await row('row@example.com')).token;
      expect(manageUrl).not.toContain(stored);
      expect(await getSubscription(db.kysely, stored, clock.now())).toBeUndefined();
      await expect(unsubscribe({ ctx: ctx(), input: { token: stored } })).rejects.toMatchObject({ status: 404 });
      // A forged MAC for a real id opens nothing either.
      await expect(unsubscribe({ ctx: ctx(), input: { token: `${pending.id}-${'0'.repeat(40)}` } })).rejects.toMatchObject({ status: 404 });

      const issued = tokenIn(manageUrl);
      expect((await getSubscription(db.kysely, issued, clock.now()))!.subscriber.state).toBe('active');
      // Links built later for an alert (from the id, as the worker does) are the same working link.
      expect(subscriberLinks('http://status.acme.test', pending.id).manage).toBe(manageUrl);
      await unsubscribe({ ctx: ctx(), input: { token: tokenIn(subscriberLinks('x', pending.id).oneClick) } });
      expect((await row('row@example.com')).state).toBe('unsubscribed');
    });

    it('keeps the links of subscribers migrated from plaintext tokens, and issues working new ones', async () => {
      await subscribe({ ctx: ctx(), input: { type: 'email', email: 'old@example.com' } });
      const { id } = await row('old@example.com');
      // The row as it was before 006: the link tokens themselves in the columns.
      const oldToken = 'LegacyManageToken_0123456789abcd';
      const oldConfirm = 'LegacyConfirmToken_0123456789abc';
      await db.kysely.updateTable('subscribers').set({ token: oldToken, confirm_token: oldConfirm }).where('id', '=', id).execute();
      await hashedTokens().up(db.kysely as never);

      const migrated = await row('old@example.com');
      expect(migrated.token).not.toBe(oldToken);
      expect(migrated.confirm_token).not.toBe(oldConfirm);
      expect(await getPendingConfirmation({ ctx: ctx(), input: { token: oldConfirm } })).toEqual({ email: 'old@example.com' });
      await confirmSubscription({ ctx: ctx(), input: { token: oldConfirm } });
      expect((await getSubscription(db.kysely, oldToken, clock.now()))!.subscriber.state).toBe('active');
      const fresh = tokenIn(subscriberLinks('http://status.acme.test', id).manage);
      expect((await getSubscription(db.kysely, fresh, clock.now()))!.subscriber.state).toBe('active');
      await unsubscribe({ ctx: ctx(), input: { token: oldToken } });
      expect((await row('old@example.com')).state).toBe('unsubscribed');
    });

    it('refuses an empty component choice on every channel instead of storing "all"', async () => {
      const sms = await createComponent({ ctx: ctx(), input: { name: 'SMS' } });
      const refused = { status: 422, fields: { component_ids: 'choose at least one component, or all components' } };
      await expect(subscribe({ ctx: ctx(), input: { type: 'email', email: 'none@example.com', component_ids: [] } })).rejects.toMatchObject(refused);
      await expect(subscribe({ ctx: ctx(), input: { type: 'webhook', url: 'http://127.0.0.1:9/h', component_ids: [] } })).rejects.toMatchObject(refused);
      await expect(addSubscriber({ ctx: ctx(), input: { email: 'api@example.com', componentIds: [] } })).rejects.toMatchObject({ status: 422 });
      expect(await db.kysely.selectFrom('subscribers').select('id').execute()).toHaveLength(0);

      const hook = await subscribe({ ctx: ctx(), input: { type: 'webhook', url: 'http://127.0.0.1:9/h', component_ids: [sms.id] } });
      if (hook.type !== 'webhook') throw new Error('expected a webhook');
      const token = tokenIn(hook.manageUrl);
      await expect(updateSubscription({ ctx: ctx(), input: { token, component_ids: [], events: 'all', maintenance: true } })).rejects.toMatchObject(refused);
      const view = (await getSubscription(db.kysely, token, clock.now()))!;
      expect(view.subscriber.all_components).toBe(false);
      expect(view.componentIds).toEqual([sms.id]);
    });

    it('logs no address and no link while subscribing and alerting through the dev mailbox', async () => {
      const lines: string[] = [];
      const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
        vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
      );
      try {
        const data = await createComponent({ ctx: ctx(), input: { name: 'Data' } });
        await subscribe({ ctx: ctx(), input: { type: 'email', email: 'quiet@example.com' } });
        await confirmSubscription({ ctx: ctx(), input: { token: await confirmLinkIn('quiet@example.com') } });
        await createIncident({ ctx: ctx(), input: { name: 'Data down', status: 'investigating', body: 'Looking.', components: [{ id: data.id, status: 'major_outage' }] } });
        await worker.drain();
        const mails = await db.kysely.selectFrom('dev_mailbox').select('subject').where('to', '=', 'quiet@example.com').execute();
        expect(mails.length).toBeGreaterThanOrEqual(2);
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
      expect(lines.filter((l) => /quiet@example\.com|\/subscriptions\/|status\.acme\.test/.test(l))).toEqual([]);
    });
  });
}
