import { newId } from '@/lib/db/ids';
import { ruleComponentIds, type IntegrationRule } from '@/lib/db/queries/integrations';
import { forUpdate } from '@/lib/db/row-lock';
import type { IntegrationRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { flapDecision, type AlertState } from '@/lib/domain/integrations/rules';
import { recordAudit } from '@/lib/services/audit';
import type { ServiceContext } from '@/lib/services/context';
import { publishDraftIn } from '@/lib/services/publish-integration-draft';
import { setComponentStatus } from '@/lib/services/set-component-status';

export interface AlertInput {
  fingerprint: string;
  state: AlertState;
  summary?: string;
}

/** The context an integration acts in: audited as `integration: <name>`. */
export function integrationContext(ctx: ServiceContext, integration: IntegrationRow): ServiceContext {
  return { ...ctx, actor: { type: 'system', id: integration.id, name: `integration: ${integration.name}` } };
}

/**
 * Records one alert's state and, unless it is flapping, acts on it: firing sets the rule's
 * status (through setComponentStatus, so intervals and subscriber alerts are the operator's)
 * and opens a draft; resolved returns components no other firing alert holds and proposes
 * resolving the published incident. Returns whether anything changed.
 */
export async function applyAlertState(ctx: ServiceContext, integration: IntegrationRow, rule: IntegrationRule, alert: AlertInput): Promise<'applied' | 'held' | 'same'> {
  const now = ctx.now();
  const at = now.toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const inner = { ...ctx, db: trx };
    const row = await forUpdate(
      trx,
      trx.selectFrom('integration_alerts').selectAll().where('integration_id', '=', integration.id).where('fingerprint', '=', alert.fingerprint),
    ).executeTakeFirst();
    const decision = flapDecision({ applied: row?.applied_state ?? null, appliedAt: row?.applied_at ?? null, next: alert.state, now, flapSeconds: integration.flap_seconds });
    if (!row) {
      await trx.insertInto('integration_alerts').values({ integration_id: integration.id, fingerprint: alert.fingerprint, rule_id: rule.id, state: alert.state, applied_state: null, applied_at: null, updated_at: at }).execute();
    } else {
      await trx.updateTable('integration_alerts').set({ state: alert.state, rule_id: rule.id, updated_at: at }).where('integration_id', '=', integration.id).where('fingerprint', '=', alert.fingerprint).execute();
    }
    if (decision !== 'apply') return decision === 'hold' ? 'held' : 'same';

    const componentIds = await ruleComponentIds(trx, rule);
    if (alert.state === 'firing') {
      for (const id of componentIds) await setComponentStatus({ ctx: inner, input: { id, status: rule.status } });
      await openDraft(trx, inner, integration, rule, alert, componentIds);
    } else {
      const stillFiring = await otherFiringComponents(trx, integration.id, alert.fingerprint);
      for (const id of componentIds) if (!stillFiring.has(id)) await setComponentStatus({ ctx: inner, input: { id, status: 'operational' } });
      await closeDraft(trx, inner, integration.id, alert.fingerprint);
    }
    await trx.updateTable('integration_alerts').set({ applied_state: alert.state, applied_at: at }).where('integration_id', '=', integration.id).where('fingerprint', '=', alert.fingerprint).execute();
    await recordAudit(trx, inner, { action: `integration.alert_${alert.state}`, entityType: 'integration', entityId: integration.id, after: { fingerprint: alert.fingerprint, rule: rule.id, components: componentIds } });
    return 'applied';
  });
}

type Trx = Parameters<Parameters<typeof withTransaction>[1]>[0];

async function openDraft(trx: Trx, ctx: ServiceContext, integration: IntegrationRow, rule: IntegrationRule, alert: AlertInput, componentIds: string[]) {
  if (!rule.template_id) return;
  const open = await trx.selectFrom('integration_drafts').select('id').where('integration_id', '=', integration.id).where('fingerprint', '=', alert.fingerprint).where('state', 'in', ['draft', 'acknowledged']).executeTakeFirst();
  if (open) return;
  const template = await trx.selectFrom('incident_templates').selectAll().where('id', '=', rule.template_id).executeTakeFirst();
  if (!template) return;
  const minutes = rule.publish_after_minutes ?? 0;
  const draft = {
    id: newId(),
    integration_id: integration.id,
    fingerprint: alert.fingerprint,
    name: template.title || template.name,
    body: template.body || alert.summary || '',
    components: JSON.stringify(componentIds.map((id) => ({ id, status: rule.status }))),
    state: 'draft' as const,
    publish_at: new Date(ctx.now().getTime() + minutes * 60_000).toISOString(),
    incident_id: null,
    resolve_proposed: false,
    created_at: ctx.now().toISOString(),
  };
  await trx.insertInto('integration_drafts').values(draft).execute();
  await recordAudit(trx, ctx, { action: 'integration.draft_open', entityType: 'integration_draft', entityId: draft.id, after: { name: draft.name, publishAt: draft.publish_at } });
  if (minutes === 0) await publishDraftIn(trx, ctx, draft);
}

async function closeDraft(trx: Trx, ctx: ServiceContext, integrationId: string, fingerprint: string) {
  const drafts = await trx.selectFrom('integration_drafts').selectAll().where('integration_id', '=', integrationId).where('fingerprint', '=', fingerprint).where('state', 'in', ['draft', 'published']).execute();
  for (const d of drafts) {
    if (d.state === 'published') {
      const incident = await trx.selectFrom('incidents').select('status').where('id', '=', d.incident_id!).executeTakeFirst();
      if (incident && incident.status !== 'resolved') await trx.updateTable('integration_drafts').set({ resolve_proposed: true }).where('id', '=', d.id).execute();
    } else {
      // Cleared before anyone posted it: an unacknowledged draft is withdrawn, not published late.
      await trx.updateTable('integration_drafts').set({ state: 'discarded', publish_at: null }).where('id', '=', d.id).execute();
      await recordAudit(trx, ctx, { action: 'integration.draft_withdraw', entityType: 'integration_draft', entityId: d.id });
    }
  }
}

async function otherFiringComponents(trx: Trx, integrationId: string, fingerprint: string): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('integration_alerts')
    .innerJoin('integration_rules', 'integration_rules.id', 'integration_alerts.rule_id')
    .select(['integration_rules.component_id', 'integration_rules.group_id'])
    .where('integration_alerts.integration_id', '=', integrationId)
    .where('integration_alerts.fingerprint', '!=', fingerprint)
    .where('integration_alerts.applied_state', '=', 'firing')
    .execute();
  const out = new Set<string>();
  for (const r of rows) for (const id of await ruleComponentIds(trx, r)) out.add(id);
  return out;
}
