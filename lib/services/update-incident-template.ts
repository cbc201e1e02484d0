import type { z } from 'zod';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { assertComponentsExist } from '@/lib/services/component-changes';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { getIncidentTemplate, TemplateFields, type IncidentTemplate } from '@/lib/services/list-incident-templates';
import { Id } from '@/lib/services/schemas';

// Partial without defaults: an absent field is left as it is.
export const UpdateIncidentTemplateInput = TemplateFields.extend({
  status: TemplateFields.shape.status.unwrap(),
  componentIds: TemplateFields.shape.componentIds.unwrap(),
})
  .partial()
  .extend({ id: Id });
export type UpdateIncidentTemplateInput = z.input<typeof UpdateIncidentTemplateInput>;

/** Edits a template; fields left out keep their value. */
export async function updateIncidentTemplate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdateIncidentTemplateInput;
}): Promise<IncidentTemplate> {
  authorize(ctx, 'template.update');
  const { id, ...changes } = parseInput(UpdateIncidentTemplateInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const before = await getIncidentTemplate(trx, id);
    if (!before) throw new NotFoundError('Incident template', id);
    if (changes.componentIds) await assertComponentsExist(trx, changes.componentIds, 'componentIds');
    const after: IncidentTemplate = {
      ...before,
      name: changes.name ?? before.name,
      title: changes.title ?? before.title,
      body: changes.body ?? before.body,
      status: changes.status ?? before.status,
      componentIds: changes.componentIds ?? before.componentIds,
      updatedAt: ctx.now().toISOString(),
    };
    await trx
      .updateTable('incident_templates')
      .set({
        name: after.name,
        title: after.title,
        body: after.body,
        status: after.status,
        component_ids: JSON.stringify(after.componentIds),
        updated_at: after.updatedAt,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, { action: 'incident_template.update', entityType: 'incident_template', entityId: id, before, after });
    return after;
  });
}
