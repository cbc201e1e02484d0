import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { startAlertSinks, type AlertSinks } from '@/lib/notify/testing/alert-sinks';
import { startChatReceiver } from '@/lib/notify/testing/chat-receiver';
import { NotificationWorker } from '@/lib/notify/worker';
import { createAudience } from '@/lib/services/create-audience';
import { createMember } from '@/lib/services/create-member';
import type { Actor } from '@/lib/services/context';
import { sendNotice } from '@/lib/services/send-notice';
import { subscribe } from '@/lib/services/subscribe';

const OPERATOR: Actor = { type: 'operator', id: 'op1', name: 'Nora NOC', role: 'responder' };

let sinks: AlertSinks;
let chat: Awaited<ReturnType<typeof startChatReceiver>>;
beforeAll(async () => {
  sinks = await startAlertSinks();
  chat = await startChatReceiver();
});
afterAll(async () => {
  await sinks.close();
  await chat.close();
});

for (const dialect of testDialects()) {
  describe(`an early notice reaches its members' webhooks and chat channels, on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    let worker: NotificationWorker;
    const ctx = () => ({ db: db.kysely, now: clock.now });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
      worker = new NotificationWorker({ db, now: clock.now, random: () => 0.5, concurrency: 4 });
    });
    afterEach(async () => {
      await worker.stop();
      await db.drop();
    });

    it('posts it signed to the chosen audience’s members’ webhooks and in Teams’ format, and to nobody else’s', async () => {
      const tag = Math.random().toString(36).slice(2, 8);
      const initech = (await createAudience({ ctx: ctx(), input: { name: 'Initech Fleet', supportLevel: 'enterprise' } })).id;
      const globex = (await createAudience({ ctx: ctx(), input: { name: 'Globex Logistics', supportLevel: 'business' } })).id;
      const noc = (await createMember({ ctx: ctx(), input: { email: `noc-${tag}@initech.example`, audienceIds: [initech] } })).id;
      const ops = (await createMember({ ctx: ctx(), input: { email: `ops-${tag}@globex.example`, audienceIds: [globex] } })).id;
      const hook = `/initech-${tag}`;
      const otherHook = `/globex-${tag}`;
      const publicHook = `/public-${tag}`;
      const subscribed = await Promise.all([
        subscribe({ ctx: ctx(), input: { type: 'webhook', url: `${sinks.hooks.base}${hook}` }, memberId: noc }),
        subscribe({ ctx: ctx(), input: { type: 'webhook', url: `${sinks.hooks.base}${otherHook}` }, memberId: ops }),
        subscribe({ ctx: ctx(), input: { type: 'webhook', url: `${sinks.hooks.base}${publicHook}` } }),
        subscribe({ ctx: ctx(), input: { type: 'teams', url: chat.url('teams', `noc-${tag}`) }, memberId: noc }),
      ]);
      for (const [path, s] of [[hook, subscribed[0]], [otherHook, subscribed[1]], [publicHook, subscribed[2]]] as const) {
        if (s.type !== 'webhook') throw new Error('expected a webhook');
        sinks.hooks.secret(path, s.secret);
      }
      await worker.drain();

      const notice = await sendNotice({
        ctx: { ...ctx(), actor: OPERATOR },
        input: { title: 'Elevated PDP context creation', body: 'Your application server at 203.0.113.40 does not answer.', audienceIds: [initech] },
      });
      await worker.drain();
      const posts = (path: string) => sinks.hooks.received.filter((r) => r.path === path && r.body.type === 'notice.sent');
      const [post] = posts(hook);
      expect(post?.verified).toBe(true);
      expect(post!.body.notice).toEqual({
        id: notice.id,
        title: 'Elevated PDP context creation',
        body: 'Your application server at 203.0.113.40 does not answer.',
        audiences: ['Initech Fleet'],
        created_at: notice.created_at,
      });
      expect(posts(otherHook)).toEqual([]);
      expect(posts(publicHook)).toEqual([]);
      const teams = chat.to('teams', `noc-${tag}`).filter((m) => JSON.stringify(m.body).includes('Elevated PDP'));
      expect(teams).toHaveLength(1);
      expect(teams[0]!.issues).toEqual([]);
      expect(JSON.stringify(teams[0]!.body)).toContain('Early notice for Initech Fleet');
    });
  });
}
