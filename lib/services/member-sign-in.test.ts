import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { addAudienceMember } from '@/lib/services/add-audience-member';
import { createAudience } from '@/lib/services/create-audience';
import { TooManyRequestsError, ValidationError } from '@/lib/services/errors';
import { getMemberViewer } from '@/lib/services/get-member-viewer';
import { redeemMemberLink } from '@/lib/services/redeem-member-link';
import { removeMember } from '@/lib/services/remove-member';
import { requestMemberLink } from '@/lib/services/request-member-link';
import { updateAudience } from '@/lib/services/update-audience';
import { updatePageSettings } from '@/lib/services/page-settings';

const BASE = 'https://status.example.com';
const tokenOf = (link: string | null) => new URL(link!).searchParams.get('token')!;

for (const dialect of testDialects()) {
  describe(`member sign-in by magic link on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    let ctx: { db: Db['kysely']; now: () => Date };
    let globex: string;

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
      ctx = { db: db.kysely, now: clock.now };
      globex = (await createAudience({ ctx, input: { name: 'Globex Logistics', supportLevel: 'business', emailDomains: ['globex.example'] } })).id;
      await addAudienceMember({ ctx, input: { audienceId: globex, email: 'hank@partner.example' } });
    });
    afterEach(async () => db.drop());

    const mailTo = async (to: string) => db.kysely.selectFrom('dev_mailbox').selectAll().where('to', '=', to).execute();

    it('mails a member a link that opens a session once, and only once', async () => {
      const { link } = await requestMemberLink({ ctx, input: { email: 'Hank@Partner.example' }, baseUrl: BASE });
      expect(link).toMatch(/^https:\/\/status\.example\.com\/access\/verify\?token=/);
      const mail = await mailTo('hank@partner.example');
      expect(mail).toHaveLength(1);
      expect(mail[0]!.text).toContain(link!);
      const stored = await db.kysely.selectFrom('member_sign_in_links').selectAll().execute();
      expect(stored[0]!.id).not.toContain(tokenOf(link));

      const session = await redeemMemberLink({ ctx, token: tokenOf(link) });
      const viewer = await getMemberViewer(db.kysely, session.sessionToken, clock.now());
      expect(viewer).toMatchObject({ email: 'hank@partner.example', audiences: [{ id: globex, name: 'Globex Logistics', supportLevel: 'business' }] });
      await expect(redeemMemberLink({ ctx, token: tokenOf(link) })).rejects.toBeInstanceOf(ValidationError);
    });

    it('links to the verify page in the language it was asked from, unprefixed in the default one', async () => {
      const path = async (email: string, locale?: 'de' | 'en' | 'fr') => {
        const { link } = await requestMemberLink({ ctx, input: { email }, baseUrl: BASE, ...(locale && { locale }) });
        return new URL(link!).pathname;
      };
      await updatePageSettings({ ctx, input: { name: 'Acme IoT' } });
      expect(await path('a@globex.example')).toBe('/access/verify');
      expect(await path('b@globex.example', 'de')).toBe('/de/access/verify');
      expect(await path('c@globex.example', 'en')).toBe('/access/verify');
      const [mail] = await mailTo('b@globex.example');
      expect(mail!.text).toContain(`${BASE}/de/access/verify?token=`);
      expect(mail!.subject).toBe('Anmeldung bei Acme IoT');
      expect(mail!.html).toContain('<html lang="de">');

      // Once German is the page's default, its links lose the prefix and English gains one.
      await updatePageSettings({ ctx, input: { locale: 'de' } });
      expect(await path('d@globex.example', 'de')).toBe('/access/verify');
      expect(await path('e@globex.example', 'en')).toBe('/en/access/verify');
      expect(await path('f@globex.example', 'fr')).toBe('/fr/access/verify');
    });

    it('refuses a link after 15 minutes', async () => {
      const { link } = await requestMemberLink({ ctx, input: { email: 'hank@partner.example' }, baseUrl: BASE });
      clock.advance(15);
      await expect(redeemMemberLink({ ctx, token: tokenOf(link) })).rejects.toThrow(/expired or was already used/);
      expect(await db.kysely.selectFrom('member_sessions').selectAll().execute()).toEqual([]);
    });

    it('answers a stranger the same but sends nothing; an allowed domain becomes a member on first use', async () => {
      expect(await requestMemberLink({ ctx, input: { email: 'eve@elsewhere.example' }, baseUrl: BASE })).toEqual({ link: null });
      expect(await mailTo('eve@elsewhere.example')).toEqual([]);
      expect(await db.kysely.selectFrom('members').select('email').where('email', '=', 'eve@elsewhere.example').execute()).toEqual([]);

      const { link } = await requestMemberLink({ ctx, input: { email: 'wendy@globex.example' }, baseUrl: BASE });
      expect(await db.kysely.selectFrom('members').select('email').where('email', '=', 'wendy@globex.example').execute()).toEqual([]);
      const session = await redeemMemberLink({ ctx, token: tokenOf(link) });
      expect((await getMemberViewer(db.kysely, session.sessionToken, clock.now()))?.audiences.map((a) => a.id)).toEqual([globex]);
    });

    it('throttles link requests per address, member or not', async () => {
      for (const email of ['hank@partner.example', 'eve@elsewhere.example']) {
        for (let i = 0; i < 3; i++) await requestMemberLink({ ctx, input: { email }, baseUrl: BASE });
        await expect(requestMemberLink({ ctx, input: { email }, baseUrl: BASE })).rejects.toBeInstanceOf(TooManyRequestsError);
      }
      expect(await mailTo('hank@partner.example')).toHaveLength(3);
      clock.advance(5);
      await requestMemberLink({ ctx, input: { email: 'hank@partner.example' }, baseUrl: BASE });
      expect(await mailTo('hank@partner.example')).toHaveLength(4);
    });

    it('ends every session of a removed member at once, and a member left in no audience sees nothing private', async () => {
      const a = await redeemMemberLink({ ctx, token: tokenOf((await requestMemberLink({ ctx, input: { email: 'hank@partner.example' }, baseUrl: BASE })).link) });
      const b = await redeemMemberLink({ ctx, token: tokenOf((await requestMemberLink({ ctx, input: { email: 'hank@partner.example' }, baseUrl: BASE })).link) });
      const member = (await db.kysely.selectFrom('members').select('id').where('email', '=', 'hank@partner.example').executeTakeFirstOrThrow()).id;
      await updateAudience({ ctx, input: { id: globex, memberIds: [] } });
      expect(await getMemberViewer(db.kysely, a.sessionToken, clock.now())).toBeUndefined();
      await updateAudience({ ctx, input: { id: globex, memberIds: [member] } });
      expect(await getMemberViewer(db.kysely, b.sessionToken, clock.now())).toBeDefined();

      await removeMember({ ctx, id: member });
      expect(await getMemberViewer(db.kysely, a.sessionToken, clock.now())).toBeUndefined();
      expect(await getMemberViewer(db.kysely, b.sessionToken, clock.now())).toBeUndefined();
      expect(await db.kysely.selectFrom('member_sessions').selectAll().execute()).toEqual([]);
    });
  });
}
