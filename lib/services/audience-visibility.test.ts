import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { addSubscriber } from '@/lib/services/add-subscriber';
import { createAudience } from '@/lib/services/create-audience';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { getIncidentPage } from '@/lib/services/get-incident-page';
import { getStatusPage } from '@/lib/services/get-status-page';
import { getStatuspageData } from '@/lib/services/get-statuspage-data';
import { getLiveIncidents } from '@/lib/services/get-live-incidents';
import { listComponentChoices } from '@/lib/services/get-subscription';

for (const dialect of testDialects()) {
  describe(`what anonymous readers and members see on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let ctx: { db: Db['kysely']; now: () => Date };
    let ids: { data: string; tunnel: string; audience: string; privateIncident: string; publicIncident: string };

    beforeEach(async () => {
      db = await createTestDb(dialect);
      const clock = testClock();
      ctx = { db: db.kysely, now: clock.now };
      await addSubscriber({ ctx, input: { email: 'everyone@example.com' } });
      // Confirmed, so that alerts are queued at all.
      await db.kysely.updateTable('subscribers').set({ state: 'active' }).execute();
      const data = (await createComponent({ ctx, input: { name: 'Data service' } })).id;
      const tunnel = (await createComponent({ ctx, input: { name: 'Initech VPN tunnel' } })).id;
      const audience = (await createAudience({ ctx, input: { name: 'Initech Fleet', supportLevel: 'enterprise', componentIds: [tunnel] } })).id;
      clock.advance(1);
      // Only the private tunnel: private to Initech by default.
      const privateIncident = (await createIncident({ ctx, input: { name: 'Tunnel re-keying fails', components: [{ id: tunnel, status: 'major_outage' }] } })).id;
      clock.advance(1);
      // Public, though it touches the tunnel too: the tunnel is left out of what the public reads.
      const publicIncident = (await createIncident({ ctx, input: { name: 'Packet core slow', components: [{ id: data, status: 'degraded_performance' }, { id: tunnel, status: 'degraded_performance' }] } })).id;
      ids = { data, tunnel, audience, privateIncident, publicIncident };
    });
    afterEach(async () => db.drop());

    it('keeps private components and incidents out of the public page, v2 data, live documents and subscriber choices', async () => {
      const page = await getStatusPage({ ctx, uptime: false });
      const text = JSON.stringify(page);
      expect(text).not.toContain('Initech');
      expect(text).not.toContain(ids.tunnel);
      expect(text).not.toContain(ids.privateIncident);
      expect(page.activeIncidents.map((i) => i.name)).toEqual(['Packet core slow']);
      expect(page.activeIncidents[0]!.components.map((c) => c.name)).toEqual(['Data service']);
      // The private tunnel's major outage does not count for the public.
      expect(page.status.indicator).toBe('minor');

      const v2 = JSON.stringify(await getStatuspageData({ ctx, baseUrl: 'https://status.example.com' }));
      expect(v2).not.toContain(ids.tunnel);
      expect(v2).not.toContain('Tunnel re-keying');
      const live = JSON.stringify(await getLiveIncidents({ ctx }));
      expect(live).not.toContain(ids.tunnel);
      expect(live).not.toContain(ids.privateIncident);
      expect(JSON.stringify(await listComponentChoices(db.kysely))).not.toContain(ids.tunnel);
      expect(await getIncidentPage({ ctx, id: ids.privateIncident })).toBeUndefined();
    });

    it('shows a member their audience\'s components and incidents, marked, with the overall status over them', async () => {
      const viewer = { kind: 'audiences' as const, audienceIds: [ids.audience] };
      const page = await getStatusPage({ ctx, uptime: false, viewer });
      expect(page.ungrouped.find((c) => c.id === ids.tunnel)).toMatchObject({ name: 'Initech VPN tunnel', privateTo: ['Initech Fleet'] });
      expect(page.ungrouped.find((c) => c.id === ids.data)?.privateTo).toBeUndefined();
      expect(page.activeIncidents.map((i) => [i.name, i.privateTo ?? null])).toEqual([
        ['Packet core slow', null],
        ['Tunnel re-keying fails', ['Initech Fleet']],
      ]);
      expect(page.status.indicator).toBe('critical');
      expect((await getIncidentPage({ ctx, id: ids.privateIncident, viewer }))?.incident.privateTo).toEqual(['Initech Fleet']);
      // Another audience sees none of it.
      const other = (await createAudience({ ctx, input: { name: 'Globex Logistics' } })).id;
      expect(await getIncidentPage({ ctx, id: ids.privateIncident, viewer: { kind: 'audiences', audienceIds: [other] } })).toBeUndefined();
    });

    it('queues no subscriber alert for a private incident', async () => {
      const events = await db.kysely.selectFrom('alert_events').select(['thread']).execute();
      expect(events.map((e) => e.thread)).toContain(ids.publicIncident);
      expect(events.map((e) => e.thread)).not.toContain(ids.privateIncident);
      const snapshots = JSON.stringify(await db.kysely.selectFrom('notification_events').selectAll().execute());
      expect(snapshots).not.toContain('Initech');
    });
  });
}
