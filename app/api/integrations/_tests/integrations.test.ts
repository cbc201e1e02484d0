import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { addIntegrationRule } from '@/lib/services/add-integration-rule';
import { createComponent } from '@/lib/services/create-component';
import { createIncidentTemplate } from '@/lib/services/create-incident-template';
import { createIntegration } from '@/lib/services/create-integration';
import { decideIntegrationDraft } from '@/lib/services/decide-integration-draft';
import { getStatuspageData } from '@/lib/services/get-statuspage-data';
import { runIntegrationJobs } from '@/lib/services/run-integration-jobs';
import { serveAlertWebhook } from '@/app/api/integrations/_lib/serve-alert-webhook';
import { alertmanagerPayload, grafanaPayload } from '@/app/api/integrations/_tests/payloads';

const DRAFT_NAME = 'SMS delivery degraded QZX';

for (const dialect of testDialects()) {
  describe(`monitoring integrations on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    let ctx: { db: Db['kysely']; now: () => Date };
    let smsId: string;

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
      ctx = { db: db.kysely, now: clock.now };
      smsId = (await createComponent({ ctx, input: { name: 'SMS' } })).id;
    });
    afterEach(async () => db.drop());

    async function setUp(kind: 'alertmanager' | 'grafana', opts: { minutes?: number; flapSeconds?: number } = {}) {
      const admin = { ...ctx, actor: { type: 'operator' as const, id: null, name: 'Ada', role: 'admin' as const } };
      const { integration, secret } = await createIntegration({ ctx: admin, input: { kind, name: 'Prometheus', flapSeconds: opts.flapSeconds ?? 0 } });
      const template = await createIncidentTemplate({ ctx, input: { name: 'SMS', title: DRAFT_NAME, body: 'We are investigating SMS delivery.' } as never });
      await addIntegrationRule({ ctx: admin, input: { integrationId: integration.id, matchers: 'service="sms", severity="critical"', target: `c:${smsId}`, status: 'major_outage', templateId: template.id, publishAfterMinutes: opts.minutes ?? 10 } });
      return { integration, secret };
    }

    function post(id: string, kind: 'alertmanager' | 'grafana', body: unknown, auth: string | null) {
      const headers = new Headers({ 'content-type': 'application/json' });
      if (auth) headers.set('authorization', auth);
      const request = new Request(`http://localhost/api/integrations/${id}/${kind}`, { method: 'POST', headers, body: JSON.stringify(body) });
      return serveAlertWebhook(request, id, kind, ctx);
    }
    const status = async () => (await db.kysely.selectFrom('components').select('status').where('id', '=', smsId).executeTakeFirstOrThrow()).status;
    const incidents = async () => db.kysely.selectFrom('incidents').select(['id', 'name']).execute();

    it('Alertmanager firing sets the component, opens a draft published after its timeout, resolved returns it and proposes resolving', async () => {
      const { integration, secret } = await setUp('alertmanager', { minutes: 10 });
      const res = await post(integration.id, 'alertmanager', alertmanagerPayload('firing'), `Bearer ${secret}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ received: 1, matched: 1, applied: 1 });
      expect(await status()).toBe('major_outage');
      expect(await incidents()).toEqual([]);
      const drafts = await db.kysely.selectFrom('integration_drafts').selectAll().execute();
      expect(drafts).toHaveLength(1);
      expect(drafts[0]).toMatchObject({ name: DRAFT_NAME, state: 'draft' });

      // A draft leaks into no public document.
      const publicJson = JSON.stringify(await getStatuspageData({ ctx, baseUrl: 'https://status.example.com' }));
      expect(publicJson).not.toContain(DRAFT_NAME);

      clock.advance(9);
      expect(await runIntegrationJobs({ ctx })).toEqual([]);
      clock.advance(1);
      expect(await runIntegrationJobs({ ctx })).toEqual([`draft:${drafts[0]!.id}`]);
      expect((await incidents()).map((i) => i.name)).toEqual([DRAFT_NAME]);
      expect(JSON.stringify(await getStatuspageData({ ctx, baseUrl: 'https://status.example.com' }))).toContain(DRAFT_NAME);

      clock.advance(5);
      expect((await post(integration.id, 'alertmanager', alertmanagerPayload('resolved'), `Bearer ${secret}`)).status).toBe(200);
      expect(await status()).toBe('operational');
      const after = await db.kysely.selectFrom('integration_drafts').selectAll().executeTakeFirstOrThrow();
      expect(after).toMatchObject({ state: 'published', resolve_proposed: true });

      const audit = await db.kysely.selectFrom('audit_log').select(['actor_name', 'action']).where('actor_name', '=', 'integration: Prometheus').execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['component.status', 'integration.draft_open', 'integration.draft_publish', 'integration.alert_firing', 'integration.alert_resolved']));
    });

    it('Grafana payload with Basic auth sets the component; an acknowledged draft is never published automatically', async () => {
      const { integration, secret } = await setUp('grafana', { minutes: 5 });
      const basic = `Basic ${Buffer.from(`grafana:${secret}`).toString('base64')}`;
      expect((await post(integration.id, 'grafana', grafanaPayload('firing'), basic)).status).toBe(200);
      expect(await status()).toBe('major_outage');
      const draft = await db.kysely.selectFrom('integration_drafts').selectAll().executeTakeFirstOrThrow();
      await decideIntegrationDraft({ ctx, input: { id: draft.id, decision: 'acknowledge' } });
      clock.advance(60);
      expect(await runIntegrationJobs({ ctx })).toEqual([]);
      expect(await incidents()).toEqual([]);
    });

    it('0 minutes publishes at once', async () => {
      const { integration, secret } = await setUp('alertmanager', { minutes: 0 });
      const res = await post(integration.id, 'alertmanager', alertmanagerPayload('firing'), `Bearer ${secret}`);
      expect(await res.json()).toMatchObject({ applied: 1 });
      expect((await incidents()).map((i) => i.name)).toEqual([DRAFT_NAME]);
    });

    it('a wrong or missing secret is a 401 and changes nothing', async () => {
      const { integration, secret } = await setUp('alertmanager');
      const count = async () => Number((await db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      for (const auth of [null, 'Bearer nope', `Basic ${Buffer.from('x:nope').toString('base64')}`, `OAuth ${secret}`]) {
        const res = await post(integration.id, 'alertmanager', alertmanagerPayload('firing'), auth);
        expect(res.status).toBe(401);
      }
      // The right secret on the other kind's endpoint, or an unknown id, is refused the same way.
      expect((await post(integration.id, 'grafana', grafanaPayload('firing'), `Bearer ${secret}`)).status).toBe(401);
      expect((await post('unknown00', 'alertmanager', alertmanagerPayload('firing'), `Bearer ${secret}`)).status).toBe(401);
      expect(await status()).toBe('operational');
      expect(await count()).toBe(before);
      expect(await db.kysely.selectFrom('integration_alerts').selectAll().execute()).toEqual([]);
      expect(await db.kysely.selectFrom('integration_drafts').selectAll().execute()).toEqual([]);
    });

    it('a malformed body is a 4xx naming the field', async () => {
      const { integration, secret } = await setUp('alertmanager');
      const res = await post(integration.id, 'alertmanager', { status: 'firing', alerts: [{ status: 'burning' }] }, `Bearer ${secret}`);
      expect(res.status).toBe(422);
      expect(JSON.stringify(await res.json())).toContain('alerts');
      expect(await status()).toBe('operational');
    });

    it('a flapping alert changes the component at most once per interval, and the latest state wins', async () => {
      const { integration, secret } = await setUp('alertmanager', { flapSeconds: 300, minutes: 30 });
      const send = (s: 'firing' | 'resolved') => post(integration.id, 'alertmanager', alertmanagerPayload(s), `Bearer ${secret}`);
      await send('firing');
      for (let i = 0; i < 4; i += 1) {
        clock.advance(1);
        await send(i % 2 === 0 ? 'resolved' : 'firing');
      }
      clock.advance(0.5);
      await send('resolved');
      const intervals = async () => db.kysely.selectFrom('component_status_intervals').select('status').where('component_id', '=', smsId).orderBy('id').execute();
      expect((await intervals()).map((i) => i.status)).toEqual(['operational', 'major_outage']);
      expect(await runIntegrationJobs({ ctx })).toEqual([]);
      clock.advance(1);
      expect(await runIntegrationJobs({ ctx })).toEqual(['alert:c6eadffa33fcdf37:resolved']);
      expect((await intervals()).map((i) => i.status)).toEqual(['operational', 'major_outage', 'operational']);
      expect(await status()).toBe('operational');
      // One draft for the whole storm, withdrawn as the alert cleared before anyone published it.
      expect((await db.kysely.selectFrom('integration_drafts').select('state').execute()).map((d) => d.state)).toEqual(['discarded']);
    });
  });
}
