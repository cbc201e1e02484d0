import { z } from 'zod';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

export const DeleteIntegrationRuleInput = z.object({ id: Id });

/**
 * Deletes one rule. The alert states it matched go too: a firing one would otherwise keep its
 * components counted as held by an alert no rule maps any more.
 */
export async function deleteIntegrationRule({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof DeleteIntegrationRuleInput> }): Promise<void> {
  authorize(ctx, 'integration.manage');
  const { id } = parseInput(DeleteIntegrationRuleInput, input);
  await withTransaction(ctx.db, async (trx) => {
    const rule = await trx.selectFrom('integration_rules').selectAll().where('id', '=', id).executeTakeFirst();
    if (!rule) throw new NotFoundError('Rule', id);
    await trx.deleteFrom('integration_alerts').where('integration_id', '=', rule.integration_id).where('rule_id', '=', id).execute();
    await trx.deleteFrom('integration_rules').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'integration.rule_delete',
      entityType: 'integration',
      entityId: rule.integration_id,
      before: { rule: id, matchers: JSON.parse(rule.matchers) as unknown, target: rule.component_id ? `c:${rule.component_id}` : `g:${rule.group_id}`, status: rule.status, templateId: rule.template_id },
    });
  });
}
