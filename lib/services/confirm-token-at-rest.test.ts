import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { closeMailer } from '@/lib/notify/email';
import { startSmtpSink } from '@/lib/notify/testing/smtp-sink';
import { NotificationWorker } from '@/lib/notify/worker';
import { confirmSubscription } from '@/lib/services/confirm-subscription';
import { subscribe } from '@/lib/services/subscribe';
import { hashToken } from '@/lib/services/subscription-tokens';

// Real SMTP: the message leaves the process, so what the tables keep is all that is left behind.
const sink = await startSmtpSink();
process.env.SMTP_URL = sink.url;
process.env.BEACON_PUBLIC_URL = 'http://status.acme.test';
process.env.BEACON_SECRET = 'test-secret-test-secret-test-secret-0123';

const CONFIRM_LINK = /http:\/\/status\.acme\.test\/subscriptions\/confirm\/([\w-]+)/;

afterAll(async () => {
  closeMailer();
  await sink.close();
});

for (const dialect of testDialects()) {
  describe(`confirmation tokens at rest on ${dialect}`, () => {
    let db: Db & { schema?: string; drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    let worker: NotificationWorker;
    const ctx = () => ({ db: db.kysely, now: clock.now });

    /** Every value of every row of every table, as one text to search. */
    const everyRow = async () => {
      const tables = (await db.kysely.introspection.getTables()).filter((t) => !t.isView && (dialect === 'sqlite' || t.schema === db.schema));
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['subscribers', 'notification_events', 'notifications', 'alert_events']));
      const dumps = await Promise.all(tables.map(async (t) => JSON.stringify(await db.kysely.selectFrom(t.name as 'subscribers').selectAll().execute())));
      return dumps.join('\n');
    };
    const tokenMailedTo = async (email: string) => {
      await worker.drain();
      const mail = sink.messages.find((m) => m.to && !Array.isArray(m.to) && m.to.text === email);
      expect(mail, `a confirmation to ${email} over SMTP`).toBeDefined();
      return CONFIRM_LINK.exec(mail!.text ?? '')![1]!;
    };

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
      worker = new NotificationWorker({ db, now: clock.now, random: () => 0.5, concurrency: 2 });
    });
    afterEach(async () => {
      await worker.stop();
      await db.drop();
    });

    it('no row holds the token the email carries, queued or sent, and that token confirms', async () => {
      const email = `at-rest-${dialect}@example.com`;
      await subscribe({ ctx: ctx(), input: { type: 'email', email } });
      const queued = await everyRow();
      const token = await tokenMailedTo(email);
      expect(token).toMatch(/^[\w-]{40,}$/);
      expect(queued).not.toContain(token);
      expect(await everyRow()).not.toContain(token);
      // The row keeps the token's hash, which is no link.
      expect(queued).toContain(hashToken(token));
      await expect(confirmSubscription({ ctx: ctx(), input: { token: hashToken(token) } })).rejects.toMatchObject({ status: 404 });

      await confirmSubscription({ ctx: ctx(), input: { token } });
      const row = await db.kysely.selectFrom('subscribers').select(['state', 'confirm_token']).where('email', '=', email).executeTakeFirstOrThrow();
      expect(row).toEqual({ state: 'active', confirm_token: null });
    });

    it('a confirmation queued before tokens were derived (token in the payload) still sends and confirms', async () => {
      const email = `queued-${dialect}@example.com`;
      await subscribe({ ctx: ctx(), input: { type: 'email', email } });
      const legacy = 'LegacyQueuedConfirm_0123456789abcdef';
      const sub = await db.kysely.selectFrom('subscribers').select('id').where('email', '=', email).executeTakeFirstOrThrow();
      const event = await db.kysely
        .selectFrom('notification_events')
        .innerJoin('notifications', 'notifications.event_id', 'notification_events.id')
        .select(['notification_events.id', 'payload'])
        .where('notifications.subscriber_id', '=', sub.id)
        .executeTakeFirstOrThrow();
      const { confirmNonce, ...old } = JSON.parse(event.payload) as { confirmNonce?: string };
      expect(confirmNonce).toBeDefined();
      await db.kysely.updateTable('notification_events').set({ payload: JSON.stringify({ ...old, confirmToken: legacy }) }).where('id', '=', event.id).execute();
      await db.kysely.updateTable('subscribers').set({ confirm_token: hashToken(legacy) }).where('id', '=', sub.id).execute();

      expect(await tokenMailedTo(email)).toBe(legacy);
      await confirmSubscription({ ctx: ctx(), input: { token: legacy } });
      expect((await db.kysely.selectFrom('subscribers').select('state').where('id', '=', sub.id).executeTakeFirstOrThrow()).state).toBe('active');
    });
  });
}
