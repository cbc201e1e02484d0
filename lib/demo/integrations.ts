import { getIntegration, listRules } from '@/lib/db/queries/integrations';
import { addIntegrationRule } from '@/lib/services/add-integration-rule';
import { applyAlertState, integrationContext } from '@/lib/services/apply-alert-state';
import type { ServiceContext } from '@/lib/services/context';
import { createIntegration } from '@/lib/services/create-integration';

/** The demo's monitoring integration (issue #18 part 2); its secret is random and never shown, so rotate it to try the webhook. */
export const DEMO_INTEGRATION = {
  name: 'Prometheus (NOC)',
  flapSeconds: 300,
  rules: [
    { matchers: 'service="sms", severity="critical"', component: 'sms', status: 'major_outage', template: 'SMS delay', publishAfterMinutes: 15 },
    { matchers: 'service="breakout", region="eu"', component: 'breakout-eu', status: 'partial_outage', template: 'Data service degraded in a region', publishAfterMinutes: 60 },
  ],
  /** The alert firing now: the EU breakout is already in partial outage (the active incident), so only the draft is new. */
  firing: { fingerprint: 'demo-breakout-eu', summary: 'Packet loss above 2% on the EU breakout' },
} as const;

/**
 * One Alertmanager integration with two rules and one pending draft, made through the services
 * (the draft by the same code a real alert runs). The draft waits an hour, so the console shows
 * it with its publish time; it lives in integration_drafts and no public page reads it.
 */
export async function seedDemoIntegrations(ctx: ServiceContext, ids: ReadonlyMap<string, string>): Promise<void> {
  // Made minutes apart, as an operator would: the rules' order (which decides the first match) is then fixed.
  const ago = (minutes: number): ServiceContext => ({ ...ctx, now: () => new Date(ctx.now().getTime() - minutes * 60_000) });
  const { integration } = await createIntegration({ ctx: ago(10), input: { kind: 'alertmanager', name: DEMO_INTEGRATION.name, flapSeconds: DEMO_INTEGRATION.flapSeconds } });
  const templates = await ctx.db.selectFrom('incident_templates').select(['id', 'name']).execute();
  for (const [index, rule] of DEMO_INTEGRATION.rules.entries()) {
    const componentId = ids.get(rule.component);
    if (!componentId) throw new Error(`Demo integration names unknown component "${rule.component}"`);
    await addIntegrationRule({
      ctx: ago(DEMO_INTEGRATION.rules.length - index),
      input: { integrationId: integration.id, matchers: rule.matchers, target: `c:${componentId}`, status: rule.status, templateId: templates.find((t) => t.name === rule.template)?.id, publishAfterMinutes: rule.publishAfterMinutes },
    });
  }
  const stored = (await getIntegration(ctx.db, integration.id))!;
  const breakout = (await listRules(ctx.db, integration.id)).find((r) => r.matchers.service === 'breakout')!;
  await applyAlertState(integrationContext(ctx, stored), stored, breakout, { fingerprint: DEMO_INTEGRATION.firing.fingerprint, state: 'firing', summary: DEMO_INTEGRATION.firing.summary });
}
