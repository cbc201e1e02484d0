import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import type { Actor } from '@/lib/services/context';
import { addAudienceMember } from '@/lib/services/add-audience-member';
import { addSubscriber } from '@/lib/services/add-subscriber';
import { closeNotice } from '@/lib/services/close-notice';
import { createAudience } from '@/lib/services/create-audience';
import { createIncident } from '@/lib/services/create-incident';
import { getStatuspageData } from '@/lib/services/get-statuspage-data';
import { listMemberNotices } from '@/lib/services/list-member-notices';
import { listNotices } from '@/lib/services/list-notices';
import { promoteNotice } from '@/lib/services/promote-notice';
import { sendNotice } from '@/lib/services/send-notice';
import { ConflictError, ValidationError } from '@/lib/services/errors';

const OPERATOR: Actor = { type: 'operator', id: 'op1', name: 'Nora NOC', role: 'responder' };

for (const dialect of testDialects()) {
  describe(`early notices on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let ctx: { db: Db['kysely']; now: () => Date; actor: Actor };
    let ids: { acme: string; globex: string; initech: string };

    /** Who got mail, by address. */
    const mailTo = async () => (await db.kysely.selectFrom('dev_mailbox').select(['to', 'subject']).orderBy('to').execute()).map((m) => m.to);
    /** Every row a notice could have changed, to show a refused one changed none. */
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          (['notices', 'notice_audiences', 'notice_deliveries', 'dev_mailbox', 'audit_log', 'incidents', 'notifications', 'alert_events'] as const).map(async (t) => [t, Number((await db.kysely.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)]),
        ),
      );

    beforeEach(async () => {
      db = await createTestDb(dialect);
      const clock = testClock();
      ctx = { db: db.kysely, now: clock.now, actor: OPERATOR };
      const seed = { db: db.kysely, now: clock.now };
      await addSubscriber({ ctx: seed, input: { email: 'plain@subscriber.example' } });
      await db.kysely.updateTable('subscribers').set({ state: 'active' }).execute();
      const acme = (await createAudience({ ctx: seed, input: { name: 'Acme Meters', supportLevel: 'standard' } })).id;
      const globex = (await createAudience({ ctx: seed, input: { name: 'Globex Logistics', supportLevel: 'business' } })).id;
      const initech = (await createAudience({ ctx: seed, input: { name: 'Initech Fleet', supportLevel: 'enterprise' } })).id;
      await addAudienceMember({ ctx: seed, input: { audienceId: acme, email: 'ops@acme.example' } });
      await addAudienceMember({ ctx: seed, input: { audienceId: globex, email: 'ops@globex.example' } });
      await addAudienceMember({ ctx: seed, input: { audienceId: initech, email: 'noc@initech.example' } });
      // In two audiences: one message, not two.
      await addAudienceMember({ ctx: seed, input: { audienceId: initech, email: 'ops@globex.example' } });
      ids = { acme, globex, initech };
    });
    afterEach(async () => db.drop());

    it('reaches exactly the chosen audiences’ members, once each, and nobody else', async () => {
      const before = await counts();
      const notice = await sendNotice({ ctx, input: { title: 'Elevated PDP context creation', body: 'Your application server at 10.1.2.3 is not answering.', audienceIds: [ids.initech] } });
      expect(notice.sent).toEqual({ delivered: 2, failed: 0 });
      expect(await mailTo()).toEqual(['noc@initech.example', 'ops@globex.example']);
      const mail = await db.kysely.selectFrom('dev_mailbox').selectAll().where('to', '=', 'noc@initech.example').executeTakeFirstOrThrow();
      expect(mail.subject).toContain('Elevated PDP context creation');
      expect(mail.text).toContain('10.1.2.3');
      expect(mail.text).toContain('Private to Initech Fleet');
      // No subscriber alert, no public incident, no alert event.
      const after = await counts();
      expect([after.incidents, after.notifications, after.alert_events]).toEqual([before.incidents, before.notifications, before.alert_events]);
      const audit = await db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'notice.send').execute();
      expect(audit.map((a) => [a.entity_id, a.actor_name])).toEqual([[notice.id, 'Nora NOC']]);
    });

    it('by level: business and up reaches business and enterprise members, not standard ones', async () => {
      const notice = await sendNotice({ ctx, input: { title: 'Roaming partner slow', body: 'We see slow attaches in Spain.', minLevel: 'business' } });
      expect(notice.audiences.map((a) => a.name)).toEqual(['Globex Logistics', 'Initech Fleet']);
      expect(notice.min_level).toBe('business');
      expect(await mailTo()).toEqual(['noc@initech.example', 'ops@globex.example']);
      const onlyTop = await sendNotice({ ctx, input: { title: 'Enterprise only', body: 'x', minLevel: 'enterprise' } });
      expect(onlyTop.audiences.map((a) => a.name)).toEqual(['Initech Fleet']);
    });

    it('shows an open notice to its audiences’ members only, and never in public data', async () => {
      const notice = await sendNotice({ ctx, input: { title: 'PDP spike on Globex SIMs', body: 'Details.', audienceIds: [ids.globex] } });
      expect((await listMemberNotices(db.kysely, [ids.globex])).map((n) => [n.title, n.privateTo])).toEqual([['PDP spike on Globex SIMs', ['Globex Logistics']]]);
      expect(await listMemberNotices(db.kysely, [ids.acme])).toEqual([]);
      expect(await listMemberNotices(db.kysely, [])).toEqual([]);
      const v2 = JSON.stringify(await getStatuspageData({ ctx, baseUrl: 'https://status.example.com' }));
      expect(v2).not.toContain(notice.id);
      expect(v2).not.toContain('PDP spike');
    });

    it('closing takes it off the members’ page, once; a closed notice cannot be promoted', async () => {
      const notice = await sendNotice({ ctx, input: { title: 'Will close', body: 'x', audienceIds: [ids.globex] } });
      const closed = await closeNotice({ ctx, input: { id: notice.id } });
      expect(closed.status).toBe('closed');
      expect(closed.closed_at).toBe(ctx.now().toISOString());
      expect(await listMemberNotices(db.kysely, [ids.globex])).toEqual([]);
      await expect(closeNotice({ ctx, input: { id: notice.id } })).rejects.toBeInstanceOf(ConflictError);
      await expect(promoteNotice({ ctx, input: { id: notice.id } })).rejects.toThrow(/already closed/);
      const { open, done } = await listNotices({ ctx });
      expect(open).toEqual([]);
      expect(done.map((n) => n.id)).toEqual([notice.id]);
      expect((await db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', notice.id).orderBy('id').execute()).map((a) => a.action)).toEqual(['notice.send', 'notice.close']);
    });

    it('promoting opens an incident private to the notice’s audiences, linked to the notice', async () => {
      const notice = await sendNotice({ ctx, input: { title: 'APN timeouts', body: 'RADIUS is slow to answer.', audienceIds: [ids.globex, ids.initech] } });
      const { notice: promoted, incident } = await promoteNotice({ ctx, input: { id: notice.id } });
      expect(promoted.status).toBe('promoted');
      expect(promoted.incident_id).toBe(incident.id);
      expect(incident.name).toBe('APN timeouts');
      const limits = await db.kysely.selectFrom('audience_incidents').select('audience_id').where('incident_id', '=', incident.id).orderBy('position').execute();
      expect(limits.map((l) => l.audience_id)).toEqual([ids.globex, ids.initech]);
      const v2 = JSON.stringify(await getStatuspageData({ ctx, baseUrl: 'https://status.example.com' }));
      expect(v2).not.toContain('APN timeouts');
      expect(await listMemberNotices(db.kysely, [ids.globex])).toEqual([]);
      expect((await db.kysely.selectFrom('audit_log').select('action').where('entity_id', 'in', [notice.id, incident.id]).orderBy('id').execute()).map((a) => a.action)).toEqual(['notice.send', 'incident.create', 'notice.promote']);
    });

    it('the composer’s checkbox mails business and enterprise members the incident’s first message', async () => {
      const incident = await createIncident({ ctx, input: { name: 'Data service degraded in Germany', body: 'Attaches fail for some devices.', components: [], notifyAudiencesAtLevel: 'business' } });
      expect(await mailTo()).toEqual(['noc@initech.example', 'ops@globex.example']);
      const [notice] = await db.kysely.selectFrom('notices').selectAll().execute();
      expect([notice!.status, notice!.incident_id, notice!.body]).toEqual(['promoted', incident.id, 'Attaches fail for some devices.']);
      // Without the box, no member is mailed.
      await createIncident({ ctx, input: { name: 'Quiet one', components: [] } });
      expect(await db.kysely.selectFrom('notices').select('id').execute()).toHaveLength(1);
    });

    it('refuses bad input naming the field as the form shows it, and changes nothing', async () => {
      const before = await counts();
      const cases: [Parameters<typeof sendNotice>[0]['input'], string, RegExp][] = [
        [{ title: ' ', body: 'x', audienceIds: [ids.globex] }, 'title', /^Title: is required/],
        [{ title: 'T', body: '', audienceIds: [ids.globex] }, 'body', /^Message: is required/],
        [{ title: 'T', body: 'x' }, 'audienceIds', /^Audiences: must include at least one audience, or choose a support level$/],
        [{ title: 'T', body: 'x', audienceIds: [ids.globex], minLevel: 'business' }, 'audienceIds', /^Audiences: must be left empty when a support level is chosen$/],
        [{ title: 'T', body: 'x', minLevel: 'platinum' as never }, 'minLevel', /^Support level: must be standard, business or enterprise/],
        [{ title: 'T', body: 'x', audienceIds: ['nosuchaudience'] }, 'audienceIds', /^Audiences: lists an audience that does not exist/],
      ];
      for (const [input, field, message] of cases) {
        const error = await sendNotice({ ctx, input }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, field).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).status).toBe(422);
        expect((error as ValidationError).message).toMatch(message);
        expect(Object.keys((error as ValidationError).fields ?? {})).toEqual([field]);
      }
      // No audience at a level: refused too.
      await db.kysely.deleteFrom('audience_members').execute();
      await db.kysely.deleteFrom('audiences').where('support_level', '=', 'enterprise').execute();
      await expect(sendNotice({ ctx, input: { title: 'T', body: 'x', minLevel: 'enterprise' } })).rejects.toThrow(/^Support level: matches no audience yet$/);
      expect(await counts()).toEqual(before);
    });
  });
}
