import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHAT_PLATFORMS } from '@/lib/domain/chat/alert';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { startAlertSinks, type AlertSinks } from '@/lib/notify/testing/alert-sinks';
import { startChatReceiver } from '@/lib/notify/testing/chat-receiver';
import { NotificationWorker } from '@/lib/notify/worker';
import { addIncidentUpdate } from '@/lib/services/add-incident-update';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { updatePageSettings } from '@/lib/services/page-settings';
import { subscribe } from '@/lib/services/subscribe';

let sinks: AlertSinks;
let chat: Awaited<ReturnType<typeof startChatReceiver>>;

beforeAll(async () => {
  sinks = await startAlertSinks();
  chat = await startChatReceiver();
});
afterAll(async () => {
  await chat.close();
  await sinks.close();
});

for (const dialect of testDialects()) {
  describe(`chat channels on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    let worker: NotificationWorker;
    const ctx = () => ({ db: db.kysely, now: clock.now });
    const tag = () => Math.random().toString(36).slice(2, 8);
    const stateOf = async (id: string) => (await db.kysely.selectFrom('subscribers').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
      worker = new NotificationWorker({ db, now: clock.now, random: () => 0.5, concurrency: 8, disableAfterMs: 3_600_000 });
      await updatePageSettings({ ctx: ctx(), input: { name: 'Acme IoT' } });
    });
    afterEach(async () => {
      await worker.stop();
      await db.drop();
    });

    it('sends each platform a valid test message, activates the channel, then posts alerts in its own format', async () => {
      const sms = await createComponent({ ctx: ctx(), input: { name: 'SMS' } });
      const t = tag();
      const subs = new Map<string, string>();
      for (const platform of CHAT_PLATFORMS) {
        const created = await subscribe({ ctx: ctx(), input: { type: platform, url: chat.url(platform, `noc-${t}`) } });
        expect(created).toMatchObject({ type: 'chat', platform, state: 'pending' });
        if (created.type !== 'chat') throw new Error('expected a chat subscription');
        expect(await stateOf(created.id)).toBe('pending');
        subs.set(platform, created.id);
      }
      await worker.drain();
      for (const platform of CHAT_PLATFORMS) {
        const [test] = chat.to(platform, `noc-${t}`);
        expect(test, platform).toBeDefined();
        expect(test!.issues, platform).toEqual([]);
        expect(JSON.stringify(test!.body)).toContain('Acme IoT status alerts');
        expect(await stateOf(subs.get(platform)!)).toBe('active');
      }

      const incident = await createIncident({
        ctx: ctx(),
        input: { name: 'SMS delivery delayed', status: 'identified', body: 'The **SMSC** queues MT messages.', components: [{ id: sms.id, status: 'major_outage' }] },
      });
      clock.advance(5);
      await addIncidentUpdate({ ctx: ctx(), input: { incidentId: incident.id, status: 'monitoring', body: 'Queue draining.' } });
      await worker.drain();

      const link = `http://status.acme.test/incidents/${incident.id}`;
      for (const platform of CHAT_PLATFORMS) {
        const messages = chat.to(platform, `noc-${t}`);
        const alerts = messages.filter((m) => JSON.stringify(m.body).includes(link));
        expect(messages.every((m) => m.issues.length === 0), platform).toBe(true);
        expect(alerts, platform).toHaveLength(2);
        expect(JSON.stringify(alerts[0]!.body), platform).toContain('Operational → Major Outage');
      }
      const slack = chat.to('slack', `noc-${t}`).filter((m) => JSON.stringify(m.body).includes(link));
      const blocks = (slack[0]!.body.attachments as { color: string; blocks: { type: string; text?: { text: string } }[] }[])[0]!;
      expect(blocks.color).toBe('#e74c3c');
      expect(blocks.blocks.find((b) => b.type === 'section')!.text!.text).toBe('The *SMSC* queues MT messages.');
      // Google Chat: both updates of the incident go to one thread.
      const google = chat.to('google_chat', `noc-${t}`).filter((m) => JSON.stringify(m.body).includes(link));
      expect(google.map((m) => m.query.get('threadKey'))).toEqual([incident.id, incident.id]);
      expect(google[0]!.query.get('messageReplyOption')).toBe('REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD');
      // Chat channels get component changes too, in their own format.
      const component = chat.to('discord', `noc-${t}`).find((m) => JSON.stringify(m.body).includes('SMS: Major Outage'));
      expect(component?.issues).toEqual([]);
    });

    it("links each channel to its manage page in the subscriber's language, unprefixed in the page's default or without one", async () => {
      const t = tag();
      const manage = (prefix: string, id: string) => `http://status.acme.test${prefix}/subscriptions/manage/${id}-`;
      const cases: { platform: (typeof CHAT_PLATFORMS)[number]; locale?: 'de' | 'en'; prefix: string }[] = [
        ...CHAT_PLATFORMS.map((platform) => ({ platform, locale: 'de' as const, prefix: '/de' })),
        { platform: 'slack', locale: 'en', prefix: '' },
        { platform: 'teams', prefix: '' },
      ];
      const made: { channel: string; id: string; prefix: string }[] = [];
      for (const [i, c] of cases.entries()) {
        const channel = `lang-${t}-${i}`;
        const created = await subscribe({ ctx: ctx(), input: { type: c.platform, url: chat.url(c.platform, channel), ...(c.locale && { locale: c.locale }) } });
        if (created.type !== 'chat') throw new Error('expected a chat subscription');
        made.push({ channel, id: created.id, prefix: c.prefix });
      }
      await worker.drain();
      await createIncident({ ctx: ctx(), input: { name: 'Roaming data sessions fail' } });
      await worker.drain();
      for (const [i, m] of made.entries()) {
        const platform = cases[i]!.platform;
        const bodies = chat.to(platform, m.channel).map((message) => JSON.stringify(message.body));
        // The test message and the incident alert both.
        expect(bodies, `${platform} ${m.prefix}`).toHaveLength(2);
        for (const body of bodies) expect(body, `${platform} ${m.prefix}`).toContain(manage(m.prefix, m.id));
      }
      // A French subscriber of a German page: the French pages carry /fr, the German ones none.
      await updatePageSettings({ ctx: ctx(), input: { locale: 'de' } });
      const fr = await subscribe({ ctx: ctx(), input: { type: 'discord', url: chat.url('discord', `fr-${t}`), locale: 'fr' } });
      const de = await subscribe({ ctx: ctx(), input: { type: 'discord', url: chat.url('discord', `de-${t}`), locale: 'de' } });
      await worker.drain();
      if (fr.type !== 'chat' || de.type !== 'chat') throw new Error('expected chat subscriptions');
      expect(JSON.stringify(chat.to('discord', `fr-${t}`)[0]!.body)).toContain(manage('/fr', fr.id));
      expect(JSON.stringify(chat.to('discord', `de-${t}`)[0]!.body)).toContain(manage('', de.id));
    });

    it("writes each platform's message in the subscriber's language and zone, in the platform's format", async () => {
      const t = tag();
      const sms = await createComponent({ ctx: ctx(), input: { name: 'SMS' } });
      for (const platform of CHAT_PLATFORMS) {
        const created = await subscribe({ ctx: ctx(), input: { type: platform, url: chat.url(platform, `de-${t}`), locale: 'de', time_zone: 'Europe/Berlin' } });
        expect(created.type).toBe('chat');
      }
      await worker.drain();
      for (const platform of CHAT_PLATFORMS) {
        const [test] = chat.to(platform, `de-${t}`);
        expect(test?.issues, platform).toEqual([]);
        expect(JSON.stringify(test!.body), platform).toContain('Statusmeldungen von Acme IoT');
      }
      const incident = await createIncident({
        ctx: ctx(),
        input: {
          name: 'SMS delivery delayed',
          status: 'identified',
          body: 'The SMSC queues MT messages.',
          components: [{ id: sms.id, status: 'major_outage' }],
          translations: { de: { name: 'SMS-Zustellung verzögert', body: 'Das SMSC staut MT-Nachrichten.' } },
        },
      });
      await worker.drain();
      const link = `http://status.acme.test/incidents/${incident.id}`;
      for (const platform of CHAT_PLATFORMS) {
        const alert = chat.to(platform, `de-${t}`).find((m) => JSON.stringify(m.body).includes(link));
        expect(alert?.issues, platform).toEqual([]);
        const text = JSON.stringify(alert!.body);
        for (const words of ['SMS-Zustellung verzögert', 'Das SMSC staut MT-Nachrichten.', 'Ursache identifiziert', 'Betriebsbereit → Schwerer Ausfall', 'Störung ansehen']) {
          expect(text, `${platform}: ${words}`).toContain(words);
        }
        expect(text, platform).not.toContain('Manage alerts');
        expect(text, platform).not.toContain('View incident');
      }
      // Where the platform shows the time as text, it is Berlin's, zone named.
      for (const platform of ['teams', 'google_chat', 'mattermost'] as const) {
        const alert = chat.to(platform, `de-${t}`).find((m) => JSON.stringify(m.body).includes(link));
        expect(JSON.stringify(alert!.body), platform).toMatch(/MEZ|MESZ/);
      }
    });

    it('stays pending while the channel refuses the test message, retrying with back-off until it accepts', async () => {
      const channel = `retry-${tag()}`;
      const created = await subscribe({ ctx: ctx(), input: { type: 'teams', url: chat.url('teams', channel) } });
      if (created.type !== 'chat') throw new Error('expected a chat subscription');
      chat.failNext(`/teams/${channel}`, 1);
      await worker.drain();
      expect(chat.to('teams', channel).map((m) => m.status)).toEqual([500]);
      expect(await stateOf(created.id)).toBe('pending');
      const row = await db.kysely.selectFrom('notifications').select(['state', 'attempts', 'available_at']).where('subscriber_id', '=', created.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ state: 'queued', attempts: 1 });
      expect(Date.parse(row.available_at)).toBeGreaterThan(clock.now().getTime());
      clock.advance(1);
      await worker.drain();
      expect(chat.to('teams', channel).map((m) => m.status)).toEqual([500, 202]);
      expect(await stateOf(created.id)).toBe('active');
    });

    it('disables a channel that keeps failing and tells the owner by email', async () => {
      const channel = `dead-${tag()}`;
      const owner = `owner-${tag()}@example.com`;
      const created = await subscribe({ ctx: ctx(), input: { type: 'slack', url: chat.url('slack', channel), email: owner } });
      if (created.type !== 'chat') throw new Error('expected a chat subscription');
      await worker.drain();
      expect(await stateOf(created.id)).toBe('active');
      chat.failNext(`/slack/${channel}`, 1000);
      await createIncident({ ctx: ctx(), input: { name: 'First failure' } });
      await worker.drain();
      clock.advance(61);
      await createIncident({ ctx: ctx(), input: { name: 'Still failing' } });
      await worker.drain();
      expect(await stateOf(created.id)).toBe('disabled');
      const notice = sinks.sink.messages.filter((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address === owner);
      expect(notice.map((m) => m.subject)).toEqual(['[Acme IoT status] Your webhook subscription was disabled']);
    });

    it('refuses an unknown channel type and a bad URL, naming the field, and stores nothing', async () => {
      await expect(subscribe({ ctx: ctx(), input: { type: 'slack', url: 'hooks.slack.com/x' } })).rejects.toMatchObject({
        fields: { url: 'must be an http(s) URL with a host' },
      });
      await expect(subscribe({ ctx: ctx(), input: { type: 'irc' as never, url: 'https://x.test' } })).rejects.toMatchObject({ fields: { type: expect.stringContaining('"slack"') } });
      expect(await db.kysely.selectFrom('subscribers').select('id').execute()).toEqual([]);
    });
  });
}
