import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { addSubscriber } from '@/lib/services/add-subscriber';
import { createAudience } from '@/lib/services/create-audience';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { getHistoryPage } from '@/lib/services/get-history-page';
import { getIncidentPage } from '@/lib/services/get-incident-page';
import { getStatuspageData } from '@/lib/services/get-statuspage-data';
import { publishPostmortem } from '@/lib/services/publish-postmortem';

for (const dialect of testDialects()) {
  describe(`postmortem visibility on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let ctx: { db: Db['kysely']; now: () => Date };
    let ids: { critical: string; operational: string; business: string; enterprise: string };

    beforeEach(async () => {
      db = await createTestDb(dialect);
      const clock = testClock();
      ctx = { db: db.kysely, now: clock.now };
      await addSubscriber({ ctx, input: { email: 'everyone@example.com' } });
      await db.kysely.updateTable('subscribers').set({ state: 'active' }).execute();
      const data = (await createComponent({ ctx, input: { name: 'Data service' } })).id;
      const business = (await createAudience({ ctx, input: { name: 'Globex Logistics', supportLevel: 'business' } })).id;
      const enterprise = (await createAudience({ ctx, input: { name: 'Initech Fleet', supportLevel: 'enterprise' } })).id;
      const open = async (name: string, incidentClass: 'critical' | 'operational') =>
        (await createIncident({ ctx, input: { name, status: 'resolved', incidentClass, components: [{ id: data, status: 'operational' }] } })).id;
      const critical = await open('Core network down', 'critical');
      clock.advance(1);
      const operational = await open('SMS delayed in one region', 'operational');
      clock.advance(1);
      await publishPostmortem({ ctx, input: { incidentId: critical, body: 'Critical root cause: a failed line card.' } });
      await publishPostmortem({ ctx, input: { incidentId: operational, body: 'Operational root cause: a full SMSC queue.' } });
      ids = { critical, operational, business, enterprise };
    });
    afterEach(async () => db.drop());

    const member = (audienceId: string) => ({ kind: 'audiences' as const, audienceIds: [audienceId] });

    it('defaults from the class: a critical postmortem for everyone, an operational one for Enterprise only', async () => {
      const rows = await db.kysely.selectFrom('incidents').select(['id', 'postmortem_visibility']).execute();
      expect(new Map(rows.map((r) => [r.id, r.postmortem_visibility]))).toEqual(new Map([[ids.critical, 'everyone'], [ids.operational, 'enterprise']]));

      const v2 = JSON.stringify(await getStatuspageData({ ctx, baseUrl: 'https://status.example.com' }));
      expect(v2).toContain('Critical root cause');
      expect(v2).not.toContain('Operational root cause');
      // The incident itself stays public; only its postmortem is held back.
      expect(v2).toContain('SMS delayed in one region');
      expect(JSON.stringify(await getHistoryPage({ ctx, pageNumber: 1 }))).not.toContain('Operational root cause');

      expect((await getIncidentPage({ ctx, id: ids.operational }))?.incident.postmortem).toBeNull();
      expect((await getIncidentPage({ ctx, id: ids.operational, viewer: member(ids.business) }))?.incident.postmortem).toBeNull();
      expect((await getIncidentPage({ ctx, id: ids.operational, viewer: member(ids.enterprise) }))?.incident.postmortem?.body).toContain('Operational root cause');
      expect((await getIncidentPage({ ctx, id: ids.critical, viewer: member(ids.business) }))?.incident.postmortem?.body).toContain('Critical root cause');
    });

    it('alerts the public for an everyone postmortem only, and never carries a held-back one', async () => {
      const events = await db.kysely.selectFrom('alert_events').select(['thread', 'kind']).execute();
      expect(events.filter((e) => e.kind === 'incident.postmortem').map((e) => e.thread)).toEqual([ids.critical]);
      const snapshots = JSON.stringify(await db.kysely.selectFrom('notification_events').selectAll().execute());
      expect(snapshots).toContain('Critical root cause');
      expect(snapshots).not.toContain('Operational root cause');
    });

    it('lets the operator choose, and a republication keeps the choice', async () => {
      await publishPostmortem({ ctx, input: { incidentId: ids.operational, body: 'Operational root cause, v2.', visibility: 'business' } });
      expect((await getIncidentPage({ ctx, id: ids.operational, viewer: member(ids.business) }))?.incident.postmortem?.body).toContain('v2');
      await publishPostmortem({ ctx, input: { incidentId: ids.operational, body: 'Operational root cause, v3.' } });
      expect((await getIncidentPage({ ctx, id: ids.operational, viewer: member(ids.business) }))?.incident.postmortem?.body).toContain('v3');
      expect((await getIncidentPage({ ctx, id: ids.operational }))?.incident.postmortem).toBeNull();
      await publishPostmortem({ ctx, input: { incidentId: ids.operational, body: 'Operational root cause, v4.', visibility: 'everyone' } });
      expect(JSON.stringify(await getStatuspageData({ ctx, baseUrl: 'https://status.example.com' }))).toContain('Operational root cause, v4.');
    });
  });
}
