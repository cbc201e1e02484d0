import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { MAX_ATTEMPTS } from '@/lib/domain/backoff';
import { startAlertSinks, type AlertSinks } from '@/lib/notify/testing/alert-sinks';
import { addAudienceMember } from '@/lib/services/add-audience-member';
import type { Actor } from '@/lib/services/context';
import { createAudience } from '@/lib/services/create-audience';
import { deliverDueNotices, deliverNotice, recordNotice } from '@/lib/services/notice-delivery';
import { withTransaction } from '@/lib/db/transaction';
import { sendNotice } from '@/lib/services/send-notice';

const OPERATOR: Actor = { type: 'operator', id: 'op1', name: 'Nora NOC', role: 'responder' };

let sinks: AlertSinks;
beforeAll(async () => {
  sinks = await startAlertSinks();
});
afterAll(() => sinks.close());

const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;

for (const dialect of testDialects()) {
  describe(`an early notice's messages are tried again, on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    let initech: string;
    let noc = '';
    let ops = '';
    const ctx = () => ({ db: db.kysely, now: clock.now, actor: OPERATOR });
    const mail = (address: string) => sinks.sink.messages.filter((m) => to(m) === address);
    const rows = () => db.kysely.selectFrom('notice_deliveries').select(['email', 'state', 'attempts', 'available_at', 'last_error']).orderBy('email').execute();

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
      const tag = Math.random().toString(36).slice(2, 8);
      [noc, ops] = [`noc-${tag}@initech.example`, `ops-${tag}@initech.example`];
      const seed = { db: db.kysely, now: clock.now };
      initech = (await createAudience({ ctx: seed, input: { name: 'Initech Fleet', supportLevel: 'enterprise' } })).id;
      await addAudienceMember({ ctx: seed, input: { audienceId: initech, email: noc } });
      await addAudienceMember({ ctx: seed, input: { audienceId: initech, email: ops } });
    });
    afterEach(async () => db.drop());

    it('queues a refused message again with the alerts’ back-off and sends it once the wait is over', async () => {
      sinks.sink.failNext(noc, 1);
      const notice = await sendNotice({ ctx: ctx(), input: { title: 'Elevated PDP context creation', body: 'Your server is not answering.', audienceIds: [initech] } });
      expect(notice.sent).toEqual({ delivered: 1, failed: 1 });
      expect(mail(ops)).toHaveLength(1);
      expect(mail(noc)).toHaveLength(0);
      const [waiting] = await rows();
      expect(waiting).toMatchObject({ email: noc, state: 'queued', attempts: 1, last_error: expect.stringContaining('Mailbox busy') });
      const wait = Date.parse(waiting!.available_at!) - clock.now().getTime();
      expect(wait).toBeGreaterThanOrEqual(24_000);
      expect(wait).toBeLessThanOrEqual(36_000);

      // Not yet due: nothing is sent again.
      expect(await deliverDueNotices(ctx())).toEqual({ delivered: 0, failed: 0 });
      clock.advance(37);
      expect(await deliverDueNotices(ctx())).toEqual({ delivered: 1, failed: 0 });
      expect(mail(noc)).toHaveLength(1);
      expect(mail(noc)[0]!.subject).toContain('Elevated PDP context creation');
      expect((await rows()).map((r) => [r.email, r.state, r.attempts])).toEqual([
        [noc, 'delivered', 2],
        [ops, 'delivered', 1],
      ]);
      // Each member got it once.
      expect(mail(ops)).toHaveLength(1);
    });

    it('gives up after the last attempt and shows the message as failed', async () => {
      sinks.sink.failNext(noc, MAX_ATTEMPTS);
      await sendNotice({ ctx: ctx(), input: { title: 'Roaming partner down', body: 'Signalling to one partner fails.', audienceIds: [initech] } });
      for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
        clock.advance(13 * 60 * 60); // past the longest wait (12 h + jitter)
        await deliverDueNotices(ctx());
      }
      const [gaveUp] = await rows();
      expect(gaveUp).toMatchObject({ email: noc, state: 'failed', attempts: MAX_ATTEMPTS, available_at: null });
      clock.advance(13 * 60 * 60);
      expect(await deliverDueNotices(ctx())).toEqual({ delivered: 0, failed: 0 });
      expect(mail(noc)).toHaveLength(0);
    });

    it('sends a message whose sender died mid-way once its claim runs out, and never twice when two send at once', async () => {
      const notice = await sendNotice({ ctx: ctx(), input: { title: 'Tunnel re-keying', body: 'One endpoint fails.', audienceIds: [initech] } });
      expect(mail(noc)).toHaveLength(1);
      // A second notice whose sender died after claiming its messages (recorded, never sent).
      const second = (await withTransaction(db.kysely, (trx) => recordNotice(trx, ctx(), { title: 'Second notice', body: 'Text.', target: { kind: 'audiences', audienceIds: [initech] } })))!;
      await db.kysely
        .updateTable('notice_deliveries')
        .set({ state: 'sending', lease_until: new Date(clock.now().getTime() + 60_000).toISOString() })
        .where('notice_id', '=', second.id)
        .execute();
      const before = sinks.sink.received();
      // Claimed and not expired: nobody else takes it.
      expect(await deliverDueNotices(ctx())).toEqual({ delivered: 0, failed: 0 });
      clock.advance(61);
      // Two instances at once (the scheduler and a notice's own sender): each message goes out once.
      const both = await Promise.all([deliverDueNotices(ctx()), deliverNotice(ctx(), second.id), deliverDueNotices(ctx())]);
      expect(both.reduce((n, r) => n + r.delivered, 0)).toBe(2);
      expect(sinks.sink.received() - before).toBe(2);
      expect(mail(noc).map((m) => m.subject?.includes('Second notice'))).toEqual([false, true]);
      expect(notice.sent).toEqual({ delivered: 2, failed: 0 });
    });
  });
}
