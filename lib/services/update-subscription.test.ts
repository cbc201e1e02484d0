import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { subscriberLinkToken } from '@/lib/notify/links';
import { subscribe } from '@/lib/services/subscribe';
import { updateSubscription } from '@/lib/services/update-subscription';

delete process.env.SMTP_URL;
process.env.BEACON_PUBLIC_URL = 'http://status.acme.test';
process.env.BEACON_SECRET = 'test-secret-test-secret-test-secret-0123';

for (const dialect of testDialects()) {
  describe(`a subscriber's language and zone from the manage page on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    const ctx = () => ({ db: db.kysely, now: clock.now });
    const row = (email: string) => db.kysely.selectFrom('subscribers').select(['id', 'locale', 'time_zone', 'events']).where('email', '=', email).executeTakeFirstOrThrow();

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
    });
    afterEach(() => db.drop());

    it('saves a new language and zone, and keeps them when the form sends none', async () => {
      await subscribe({ ctx: ctx(), input: { type: 'email', email: 'noc@example.com', locale: 'fr', time_zone: 'Europe/Paris' } });
      const { id } = await row('noc@example.com');
      const token = subscriberLinkToken(id);
      await updateSubscription({ ctx: ctx(), input: { token, events: 'all', maintenance: true, locale: 'de', time_zone: 'Europe/Berlin' } });
      expect(await row('noc@example.com')).toMatchObject({ locale: 'de', time_zone: 'Europe/Berlin' });
      await updateSubscription({ ctx: ctx(), input: { token, events: 'start_and_resolution', maintenance: false } });
      expect(await row('noc@example.com')).toMatchObject({ locale: 'de', time_zone: 'Europe/Berlin', events: 'start_and_resolution' });
    });

    it('refuses a language Beacon does not speak and a zone the runtime does not know, naming each field, and changes nothing', async () => {
      await subscribe({ ctx: ctx(), input: { type: 'email', email: 'ops@example.com', locale: 'it', time_zone: 'Europe/Rome' } });
      const token = subscriberLinkToken((await row('ops@example.com')).id);
      await expect(updateSubscription({ ctx: ctx(), input: { token, events: 'all', maintenance: true, locale: 'xx' as never } })).rejects.toMatchObject({
        status: 422,
        fields: { locale: expect.stringContaining('"de"') },
      });
      await expect(updateSubscription({ ctx: ctx(), input: { token, events: 'all', maintenance: true, time_zone: 'Mars/Olympus' } })).rejects.toMatchObject({
        status: 422,
        fields: { time_zone: expect.stringContaining('IANA') },
      });
      expect(await row('ops@example.com')).toMatchObject({ locale: 'it', time_zone: 'Europe/Rome', events: 'all' });
    });
  });
}
