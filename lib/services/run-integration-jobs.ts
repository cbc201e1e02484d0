import { getIntegration, listRules } from '@/lib/db/queries/integrations';
import { forUpdate } from '@/lib/db/row-lock';
import { withTransaction } from '@/lib/db/transaction';
import { applyAlertState, integrationContext } from '@/lib/services/apply-alert-state';
import type { ServiceContext } from '@/lib/services/context';
import { publishDraftIn } from '@/lib/services/publish-integration-draft';

/**
 * One scheduler tick for integrations: publishes drafts whose wait passed unacknowledged, and
 * applies alert states held back by the flap interval once it has passed (the latest wins).
 * Returns what it did, as `draft:<id>` and `alert:<fingerprint>:<state>`.
 */
export async function runIntegrationJobs({ ctx }: { ctx: ServiceContext }): Promise<string[]> {
  const now = ctx.now();
  const done: string[] = [];
  const due = await ctx.db.selectFrom('integration_drafts').select(['id', 'integration_id']).where('state', '=', 'draft').where('publish_at', '<=', now.toISOString()).execute();
  for (const d of due) {
    const integration = await getIntegration(ctx.db, d.integration_id);
    if (!integration) continue;
    try {
      const published = await withTransaction(ctx.db, async (trx) => {
        const draft = await forUpdate(trx, trx.selectFrom('integration_drafts').selectAll().where('id', '=', d.id)).executeTakeFirst();
        // Decided again under the lock: an operator may have acknowledged it meanwhile.
        if (!draft || draft.state !== 'draft' || !draft.publish_at || draft.publish_at > now.toISOString()) return false;
        await publishDraftIn(trx, integrationContext({ ...ctx, db: trx }, integration), draft);
        return true;
      });
      if (published) done.push(`draft:${d.id}`);
    } catch (error) {
      console.error(`[beacon] integration draft ${d.id} could not be published`, error);
    }
  }
  const held = await ctx.db.selectFrom('integration_alerts').selectAll().whereRef('state', '!=', 'applied_state').execute();
  for (const a of held) {
    const integration = await getIntegration(ctx.db, a.integration_id);
    const rule = integration && (await listRules(ctx.db, integration.id)).find((r) => r.id === a.rule_id);
    if (!integration || !rule) continue;
    try {
      const outcome = await applyAlertState(integrationContext(ctx, integration), integration, rule, { fingerprint: a.fingerprint, state: a.state });
      if (outcome === 'applied') done.push(`alert:${a.fingerprint}:${a.state}`);
    } catch (error) {
      console.error(`[beacon] held alert ${a.fingerprint} could not be applied`, error);
    }
  }
  return done;
}
