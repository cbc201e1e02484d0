import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { addIntegrationRule } from '@/lib/services/add-integration-rule';
import { createComponent } from '@/lib/services/create-component';
import { createGroup } from '@/lib/services/create-group';
import { createIncidentTemplate } from '@/lib/services/create-incident-template';
import { createIntegration } from '@/lib/services/create-integration';
import { deleteIntegration } from '@/lib/services/delete-integration';
import { deleteIntegrationRule } from '@/lib/services/delete-integration-rule';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '@/lib/services/errors';
import { listIntegrations } from '@/lib/services/list-integrations';
import { receiveAlerts } from '@/lib/services/receive-alerts';
import { rotateIntegrationSecret } from '@/lib/services/rotate-integration-secret';

/** One Alertmanager (webhook v4) alert with the labels the rules below match. */
function alert(status: 'firing' | 'resolved', labels: Record<string, string> = { service: 'sms' }) {
  return { version: '4', status, receiver: 'beacon', alerts: [{ status, labels: { alertname: 'SMSDeliveryFailing', ...labels }, annotations: { summary: 'SMS failing' }, fingerprint: `fp-${Object.values(labels).join('-')}` }] };
}

for (const dialect of testDialects()) {
  describe(`the integrations console services on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    let ctx: { db: Db['kysely']; now: () => Date };
    const as = (role: 'admin' | 'responder') => ({ ...ctx, actor: { type: 'operator' as const, id: null, name: role === 'admin' ? 'Ada' : 'Rob', role } });
    let smsId: string;
    let groupId: string;

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
      ctx = { db: db.kysely, now: clock.now };
      groupId = (await createGroup({ ctx, input: { name: 'Core' } })).id;
      smsId = (await createComponent({ ctx, input: { name: 'SMS', groupId } })).id;
    });
    afterEach(async () => db.drop());

    const post = (integrationId: string, secret: string, body: unknown) => receiveAlerts({ ctx, input: { integrationId, kind: 'alertmanager', authorization: `Bearer ${secret}`, body } });
    const status = async () => (await db.kysely.selectFrom('components').select('status').where('id', '=', smsId).executeTakeFirstOrThrow()).status;
    const count = async (table: 'integrations' | 'integration_rules' | 'integration_alerts' | 'integration_drafts') =>
      Number((await db.kysely.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('lists integrations with their rules as typed, rule counts, the last alert, and open drafts with component names', async () => {
      const { integration, secret } = await createIntegration({ ctx: as('admin'), input: { kind: 'alertmanager', name: 'Prometheus', flapSeconds: 0 } });
      clock.advance(1);
      await createIntegration({ ctx: as('admin'), input: { kind: 'grafana', name: 'Grafana', flapSeconds: 60 } });
      const template = await createIncidentTemplate({ ctx, input: { name: 'SMS delay', title: 'Delayed SMS QZX', body: 'Delayed.' } as never });
      await addIntegrationRule({ ctx: as('admin'), input: { integrationId: integration.id, matchers: 'service=sms', target: `c:${smsId}`, status: 'major_outage', templateId: template.id, publishAfterMinutes: 15 } });
      clock.advance(1);
      await addIntegrationRule({ ctx: as('admin'), input: { integrationId: integration.id, matchers: 'team="core", severity="page"', target: `g:${groupId}`, status: 'partial_outage' } });

      let listed = await listIntegrations({ ctx: as('responder') });
      expect(listed.integrations.map((i) => [i.name, i.kind, i.flap_seconds, i.rule_count, i.last_alert_at])).toEqual([
        ['Prometheus', 'alertmanager', 0, 2, null],
        ['Grafana', 'grafana', 60, 0, null],
      ]);
      expect(listed.integrations[0]).not.toHaveProperty('secret_hash');
      expect(listed.integrations[0]!.rules).toEqual([
        { id: expect.any(String), matchers: 'service="sms"', target: { kind: 'component', id: smsId, name: 'SMS' }, status: 'major_outage', template: { id: template.id, name: 'SMS delay' }, publishAfterMinutes: 15 },
        { id: expect.any(String), matchers: 'team="core", severity="page"', target: { kind: 'group', id: groupId, name: 'Core' }, status: 'partial_outage', template: null, publishAfterMinutes: null },
      ]);
      expect(listed.drafts).toEqual([]);

      clock.advance(1);
      await post(integration.id, secret, alert('firing'));
      listed = await listIntegrations({ ctx: as('responder') });
      expect(listed.integrations[0]!.last_alert_at).toBe(clock.iso());
      expect(listed.drafts).toEqual([
        {
          id: expect.any(String),
          integrationName: 'Prometheus',
          name: 'Delayed SMS QZX',
          state: 'draft',
          publishAt: expect.any(String),
          incidentId: null,
          resolveProposed: false,
          components: [{ name: 'SMS', status: 'major_outage' }],
          createdAt: expect.any(String),
        },
      ]);
      expect(new Date(listed.drafts[0]!.publishAt!).getTime() - clock.now().getTime()).toBe(15 * 60_000);
    });

    it('deletes a rule with its alert states, so a later alert matches nothing; audited; responders may not', async () => {
      const { integration, secret } = await createIntegration({ ctx: as('admin'), input: { kind: 'alertmanager', name: 'Prometheus', flapSeconds: 0 } });
      const rule = await addIntegrationRule({ ctx: as('admin'), input: { integrationId: integration.id, matchers: 'service="sms"', target: `c:${smsId}`, status: 'major_outage' } });
      await post(integration.id, secret, alert('firing'));
      expect(await status()).toBe('major_outage');
      expect(await count('integration_alerts')).toBe(1);

      await expect(deleteIntegrationRule({ ctx: as('responder'), input: { id: rule.id } })).rejects.toBeInstanceOf(ForbiddenError);
      await deleteIntegrationRule({ ctx: as('admin'), input: { id: rule.id } });
      expect(await count('integration_rules')).toBe(0);
      expect(await count('integration_alerts')).toBe(0);
      await expect(deleteIntegrationRule({ ctx: as('admin'), input: { id: rule.id } })).rejects.toBeInstanceOf(NotFoundError);

      expect(await post(integration.id, secret, alert('resolved'))).toMatchObject({ received: 1, matched: 0 });
      expect(await status()).toBe('major_outage');
      const audit = await db.kysely.selectFrom('audit_log').select(['action', 'actor_name']).where('action', '=', 'integration.rule_delete').execute();
      expect(audit).toEqual([{ action: 'integration.rule_delete', actor_name: 'Ada' }]);
    });

    it('deletes an integration with its rules, alerts and drafts; its URL answers 401 after', async () => {
      const { integration, secret } = await createIntegration({ ctx: as('admin'), input: { kind: 'alertmanager', name: 'Prometheus', flapSeconds: 0 } });
      const template = await createIncidentTemplate({ ctx, input: { name: 'SMS delay', title: 'Delayed SMS', body: 'Delayed.' } as never });
      await addIntegrationRule({ ctx: as('admin'), input: { integrationId: integration.id, matchers: 'service="sms"', target: `c:${smsId}`, status: 'major_outage', templateId: template.id, publishAfterMinutes: 10 } });
      await post(integration.id, secret, alert('firing'));
      expect([await count('integration_rules'), await count('integration_alerts'), await count('integration_drafts')]).toEqual([1, 1, 1]);

      await expect(deleteIntegration({ ctx: as('responder'), input: { id: integration.id } })).rejects.toBeInstanceOf(ForbiddenError);
      expect(await deleteIntegration({ ctx: as('admin'), input: { id: integration.id } })).toEqual({ name: 'Prometheus' });
      expect([await count('integrations'), await count('integration_rules'), await count('integration_alerts'), await count('integration_drafts')]).toEqual([0, 0, 0, 0]);
      await expect(post(integration.id, secret, alert('resolved'))).rejects.toBeInstanceOf(UnauthorizedError);
      expect(await status()).toBe('major_outage');
      expect(await db.kysely.selectFrom('audit_log').select('entity_id').where('action', '=', 'integration.delete').execute()).toEqual([{ entity_id: integration.id }]);
    });

    it('rotates the secret: the old one is refused, the new one works, and the audit never holds either', async () => {
      const { integration, secret } = await createIntegration({ ctx: as('admin'), input: { kind: 'alertmanager', name: 'Prometheus', flapSeconds: 0 } });
      await addIntegrationRule({ ctx: as('admin'), input: { integrationId: integration.id, matchers: 'service="sms"', target: `c:${smsId}`, status: 'major_outage' } });
      await expect(rotateIntegrationSecret({ ctx: as('responder'), input: { id: integration.id } })).rejects.toBeInstanceOf(ForbiddenError);
      const rotated = await rotateIntegrationSecret({ ctx: as('admin'), input: { id: integration.id } });
      expect(rotated.secret).toMatch(/^bint_/);
      expect(rotated.secret).not.toBe(secret);

      await expect(post(integration.id, secret, alert('firing'))).rejects.toBeInstanceOf(UnauthorizedError);
      expect(await status()).toBe('operational');
      expect(await post(integration.id, rotated.secret, alert('firing'))).toMatchObject({ applied: 1 });
      expect(await status()).toBe('major_outage');

      const audit = JSON.stringify(await db.kysely.selectFrom('audit_log').selectAll().execute());
      expect(audit).toContain('integration.rotate_secret');
      expect(audit).not.toContain(secret);
      expect(audit).not.toContain(rotated.secret);
      await expect(rotateIntegrationSecret({ ctx: as('admin'), input: { id: 'missing' } })).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
