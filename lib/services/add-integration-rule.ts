import { z } from 'zod';
import { newId } from '@/lib/db/ids';
import { getComponent, getGroup } from '@/lib/db/queries/components';
import { getIntegration } from '@/lib/db/queries/integrations';
import { withTransaction } from '@/lib/db/transaction';
import { parseMatchers } from '@/lib/domain/integrations/rules';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { ComponentStatusInput, Id } from '@/lib/services/schemas';

const OptionalId = z.preprocess((v) => (v === '' ? undefined : v), Id.optional());

export const AddIntegrationRuleInput = z.object({
  integrationId: Id,
  /** `service="sms", severity="critical"`: every label must be equal. */
  matchers: z.string().trim().min(1, 'is required').max(2000, 'must be at most 2000 characters'),
  /** `c:<id>` for a component or `g:<id>` for a group, as the console's select sends it. */
  target: z.string().regex(/^[cg]:[a-z0-9]{1,64}$/, 'must be a component or a group'),
  status: ComponentStatusInput,
  templateId: OptionalId,
  /** Minutes a draft waits for an operator before it is published; 0 publishes at once. */
  publishAfterMinutes: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(10_080, 'must be at most 10080').optional()),
});
export type AddIntegrationRuleInput = z.input<typeof AddIntegrationRuleInput>;

/** Adds a rule mapping alert labels to a component or group and a status. */
export async function addIntegrationRule({ ctx, input }: { ctx: ServiceContext; input: AddIntegrationRuleInput }): Promise<{ id: string }> {
  authorize(ctx, 'integration.manage');
  const data = parseInput(AddIntegrationRuleInput, input);
  const matchers = parseMatchers(data.matchers);
  if (!matchers) throw new ValidationError('Labels must read like service="sms", severity="critical"', { matchers: 'must read like service="sms", severity="critical"' });
  const [kind, targetId] = data.target.split(':') as ['c' | 'g', string];
  return withTransaction(ctx.db, async (trx) => {
    if (!(await getIntegration(trx, data.integrationId))) throw new NotFoundError('Integration', data.integrationId);
    if (kind === 'c' ? !(await getComponent(trx, targetId)) : !(await getGroup(trx, targetId))) throw new ValidationError('Choose an existing component or group', { target: 'is not a component or group' });
    if (data.templateId && !(await trx.selectFrom('incident_templates').select('id').where('id', '=', data.templateId).executeTakeFirst())) {
      throw new ValidationError('Choose an existing template', { templateId: 'is not a template' });
    }
    const id = newId();
    await trx
      .insertInto('integration_rules')
      .values({
        id,
        integration_id: data.integrationId,
        matchers: JSON.stringify(matchers),
        component_id: kind === 'c' ? targetId : null,
        group_id: kind === 'g' ? targetId : null,
        status: data.status,
        template_id: data.templateId ?? null,
        publish_after_minutes: data.templateId ? (data.publishAfterMinutes ?? 0) : null,
        created_at: ctx.now().toISOString(),
      })
      .execute();
    await recordAudit(trx, ctx, { action: 'integration.rule_add', entityType: 'integration', entityId: data.integrationId, after: { matchers, target: data.target, status: data.status, templateId: data.templateId ?? null } });
    return { id };
  });
}
