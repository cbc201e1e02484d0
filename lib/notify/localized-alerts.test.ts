import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { listTranslations } from '@/lib/db/queries/translations';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { startAlertSinks, type AlertSinks } from '@/lib/notify/testing/alert-sinks';
import { NotificationWorker } from '@/lib/notify/worker';
import { addIncidentUpdate } from '@/lib/services/add-incident-update';
import { confirmSubscription } from '@/lib/services/confirm-subscription';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { updatePageSettings } from '@/lib/services/page-settings';
import { subscribe } from '@/lib/services/subscribe';
import { unsubscribe } from '@/lib/services/unsubscribe';
import { updateSubscription } from '@/lib/services/update-subscription';

let sinks: AlertSinks;
beforeAll(async () => {
  sinks = await startAlertSinks();
});
afterAll(() => sinks.close());

const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0]?.address;
const header = (m: ParsedMail, name: string) => m.headerLines.find((h) => h.key === name)?.line.slice(name.length + 1).trim() ?? '';

for (const dialect of testDialects()) {
  describe(`emails in the subscriber's language and zone on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    let worker: NotificationWorker;
    const actor = { type: 'operator' as const, id: 'op1', name: 'Ada', role: 'admin' as const };
    const ctx = () => ({ db: db.kysely, now: clock.now, actor });
    const mailTo = (address: string) => sinks.sink.messages.filter((m) => to(m) === address);
    const tag = () => Math.random().toString(36).slice(2, 8);

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock('2026-06-04T12:00:00.000Z');
      worker = new NotificationWorker({ db, now: clock.now, random: () => 0.5, concurrency: 8 });
      await updatePageSettings({ ctx: ctx(), input: { name: 'Acme IoT', timeZone: 'UTC' } });
    });
    afterEach(async () => {
      await worker.stop();
      await db.drop();
    });

    async function confirmed(email: string, prefs: { locale?: 'de' | 'fr' | 'en'; time_zone?: string }) {
      await subscribe({ ctx: ctx(), input: { type: 'email', email, ...prefs } });
      await worker.drain();
      const confirmation = mailTo(email).at(-1)!;
      const link = /\/subscriptions\/confirm\/([\w-]+)/.exec(confirmation.text ?? '')!;
      await confirmSubscription({ ctx: ctx(), input: { token: link[1]! } });
      return confirmation;
    }

    it('stores the language and zone, and writes each subscriber in theirs with the translated text', async () => {
      const data = await createComponent({ ctx: ctx(), input: { name: 'Data service' } });
      const t = tag();
      const de = `de-${t}@example.com`;
      const fr = `fr-${t}@example.com`;
      const en = `en-${t}@example.com`;
      const deConfirm = await confirmed(de, { locale: 'de', time_zone: 'Europe/Berlin' });
      await confirmed(fr, { locale: 'fr', time_zone: 'Europe/Paris' });
      const enConfirm = await confirmed(en, {});
      expect(deConfirm.subject).toBe('[Acme IoT Status] Bitte bestätigen Sie Ihr Abonnement');
      expect(header(deConfirm, 'content-language')).toBe('de');
      expect(deConfirm.html).toContain('<html lang="de">');
      expect(enConfirm.subject).toBe('[Acme IoT status] Confirm your subscription');
      expect(header(enConfirm, 'content-language')).toBe('en');

      const stored = await db.kysely.selectFrom('subscribers').select(['email', 'locale', 'time_zone']).orderBy('email').execute();
      expect(stored).toEqual([
        { email: de, locale: 'de', time_zone: 'Europe/Berlin' },
        { email: en, locale: null, time_zone: null },
        { email: fr, locale: 'fr', time_zone: 'Europe/Paris' },
      ]);

      const incident = await createIncident({
        ctx: ctx(),
        input: {
          name: 'Elevated data session failures',
          status: 'identified',
          body: 'A PGW node rejects sessions.',
          components: [{ id: data.id, status: 'partial_outage' }],
          translations: { de: { name: 'Erhöhte Fehlerrate bei Datensitzungen', body: 'Ein PGW-Knoten weist Sitzungen ab.' } },
        },
      });
      await worker.drain();

      const [deAlert] = mailTo(de).filter((m) => m !== deConfirm);
      expect(deAlert!.subject).toBe('[Acme IoT Status] Ursache identifiziert: Erhöhte Fehlerrate bei Datensitzungen (Data service)');
      expect(header(deAlert!, 'content-language')).toBe('de');
      expect(deAlert!.html).toContain('<html lang="de">');
      expect(deAlert!.text).toContain('Ein PGW-Knoten weist Sitzungen ab.');
      expect(deAlert!.text).not.toContain('Original auf Englisch');
      // 12:00 UTC is 14:00 summer time in Berlin.
      expect(deAlert!.text).toMatch(/Veröffentlicht Do\., 4\. Juni 2026, 14:00 MESZ/);
      expect(deAlert!.text).toContain('Data service: Betriebsbereit → Teilausfall');

      const frAlert = mailTo(fr).find((m) => m.subject?.includes('Elevated'))!;
      expect(frAlert.subject).toBe('[État de Acme IoT] Cause identifiée : Elevated data session failures (Data service)');
      expect(frAlert.text).toContain('A PGW node rejects sessions.');
      expect(frAlert.text).toContain('(Original en anglais)');
      expect(frAlert.html).toContain('<span lang="en">Elevated data session failures</span>');
      expect(frAlert.text).toContain('14:00 UTC+2');

      const enAlert = mailTo(en).find((m) => m.subject?.includes('Elevated'))!;
      expect(enAlert.subject).toBe('[Acme IoT status] Identified: Elevated data session failures (Data service)');
      expect(enAlert.text).toContain('Posted Thu, 4 Jun 2026, 12:00 UTC');
      expect(enAlert.text).not.toContain('Original');

      // A later update with its own translation; the manage page moves the French reader to German.
      const frSub = await db.kysely.selectFrom('subscribers').select('id').where('email', '=', fr).executeTakeFirstOrThrow();
      const { subscriberLinkToken } = await import('@/lib/notify/links');
      await updateSubscription({ ctx: ctx(), input: { token: subscriberLinkToken(frSub.id), events: 'all', maintenance: true, locale: 'de', time_zone: 'Asia/Tokyo' } });
      clock.advance(5);
      const { update } = await addIncidentUpdate({
        ctx: ctx(),
        input: { incidentId: incident.id, status: 'monitoring', body: 'Fix deployed.', translations: { de: { body: 'Korrektur eingespielt.' } } },
      });
      expect((await listTranslations(db.kysely, 'incident_update', [update.id])).get(update.id)).toEqual({ de: { body: 'Korrektur eingespielt.' } });
      await worker.drain();
      const moved = mailTo(fr).at(-1)!;
      expect(moved.subject).toBe('[Acme IoT Status] Wird beobachtet: Erhöhte Fehlerrate bei Datensitzungen (Data service)');
      expect(moved.text).toContain('Korrektur eingespielt.');
      expect(moved.text).toMatch(/21:05 JST|21:05 GMT\+9/);

      // Leaving is confirmed in the subscriber's language.
      const deSub = await db.kysely.selectFrom('subscribers').select('id').where('email', '=', de).executeTakeFirstOrThrow();
      await unsubscribe({ ctx: ctx(), input: { token: subscriberLinkToken(deSub.id) } });
      await worker.drain();
      const bye = mailTo(de).at(-1)!;
      expect(bye.subject).toBe('[Acme IoT Status] Ihr Abonnement wurde beendet');
      expect(header(bye, 'content-language')).toBe('de');
    });

    it("gives a webhook subscriber its manage links in the language it chose: the answer's manage_url and every body's meta", async () => {
      const t = tag();
      const hook = async (path: string, locale?: 'de' | 'en') => {
        const created = await subscribe({ ctx: ctx(), input: { type: 'webhook', url: `${sinks.hooks.base}${path}`, ...(locale ? { locale } : {}) } });
        if (created.type !== 'webhook') throw new Error('expected a webhook subscription');
        sinks.hooks.secret(path, created.secret);
        return created;
      };
      const de = await hook(`/de-${t}`, 'de');
      const en = await hook(`/en-${t}`, 'en');
      const none = await hook(`/none-${t}`);
      const token = (url: string) => url.split('/').pop();
      expect(de.manageUrl).toBe(`http://status.acme.test/de/subscriptions/manage/${token(de.manageUrl)}`);
      // English is the page's default: its URLs carry no prefix, as for a subscriber with no choice.
      expect(en.manageUrl).toBe(`http://status.acme.test/subscriptions/manage/${token(en.manageUrl)}`);
      expect(none.manageUrl).toBe(`http://status.acme.test/subscriptions/manage/${token(none.manageUrl)}`);
      await worker.drain();
      await createIncident({ ctx: ctx(), input: { name: 'SMS delays', status: 'investigating', components: [] } });
      await worker.drain();

      const metaOf = (path: string) =>
        sinks.hooks.received.filter((r) => r.path === path && r.verified).map((r) => [r.body.type, r.body.meta] as const);
      const deMeta = metaOf(`/de-${t}`);
      expect(deMeta.map(([type]) => type)).toEqual(['subscription.verify', 'incident.created']);
      for (const [, meta] of deMeta) {
        expect(meta).toMatchObject({
          manage: de.manageUrl,
          documentation: 'http://status.acme.test/de/subscribe',
          // The one-click target is an API: never prefixed.
          unsubscribe: `http://status.acme.test/api/subscriptions/unsubscribe/${token(de.manageUrl)}`,
        });
      }
      for (const [path, created] of [[`/en-${t}`, en], [`/none-${t}`, none]] as const) {
        const metas = metaOf(path);
        expect(metas).toHaveLength(2);
        for (const [, meta] of metas) expect(meta).toMatchObject({ manage: created.manageUrl, documentation: 'http://status.acme.test/subscribe' });
      }
    });

    it('refuses an unknown language or zone by name and stores nothing', async () => {
      const t = tag();
      await expect(subscribe({ ctx: ctx(), input: { type: 'email', email: `x-${t}@example.com`, locale: 'xx' as never } })).rejects.toMatchObject({
        status: 422,
        fields: { locale: expect.stringContaining('"de"') },
      });
      await expect(subscribe({ ctx: ctx(), input: { type: 'email', email: `y-${t}@example.com`, time_zone: 'Mars/Olympus' } })).rejects.toMatchObject({
        status: 422,
        fields: { time_zone: expect.stringContaining('IANA') },
      });
      expect(await db.kysely.selectFrom('subscribers').select('id').execute()).toEqual([]);

      const input = { name: 'Outage', components: [], translations: { xx: { name: 'Panne' } } };
      await expect(createIncident({ ctx: ctx(), input: input as never })).rejects.toMatchObject({
        status: 422,
        fields: { 'translations.xx': expect.stringContaining('not a language') },
      });
      await expect(createIncident({ ctx: ctx(), input: { name: 'Outage', components: [], translations: { de: { colour: 'rot' } } } as never })).rejects.toMatchObject({
        status: 422,
        fields: { 'translations.de': expect.stringContaining('only name, body') },
      });
      await expect(createIncident({ ctx: ctx(), input: { name: 'Outage', components: [], translations: { en: { name: 'Outage' } } } })).rejects.toMatchObject({ status: 422 });
      expect(await db.kysely.selectFrom('incidents').select('id').execute()).toEqual([]);
      expect(await db.kysely.selectFrom('content_translations').select('entity_id').execute()).toEqual([]);
    });
  });
}
