import type { z } from 'zod';
import { withTransaction } from '@/lib/db/transaction';
import { replaceTranslations } from '@/lib/db/queries/translations';
import { recordAudit } from '@/lib/services/audit';
import { assertComponentsExist } from '@/lib/services/component-changes';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { getIncidentTemplate, TemplateFields, templateComponentIds, type IncidentTemplate } from '@/lib/services/list-incident-templates';
import { Id } from '@/lib/services/schemas';

// Partial without defaults: an absent field is left as it is.
export const UpdateIncidentTemplateInput = TemplateFields.extend({
  status: TemplateFields.shape.status.unwrap(),
  componentIds: TemplateFields.shape.componentIds.unwrap(),
  incidentClass: TemplateFields.shape.incidentClass.unwrap(),
  scope: TemplateFields.shape.scope.unwrap(),
  componentStatuses: TemplateFields.shape.componentStatuses.unwrap(),
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
    // A new component list alone drops the statuses of components it no longer names.
    const componentStatuses =
      changes.componentStatuses ?? before.componentStatuses.filter((c) => !changes.componentIds || changes.componentIds.includes(c.id));
    const componentIds = templateComponentIds(changes.componentIds ?? before.componentIds, componentStatuses);
    if (changes.componentIds || changes.componentStatuses) await assertComponentsExist(trx, componentIds, 'componentIds');
    const after: IncidentTemplate = {
      ...before,
      name: changes.name ?? before.name,
      title: changes.title ?? before.title,
      body: changes.body ?? before.body,
      status: changes.status ?? before.status,
      componentIds,
      componentStatuses,
      incidentClass: changes.incidentClass === undefined ? before.incidentClass : changes.incidentClass,
      scope: changes.scope === undefined ? before.scope : changes.scope,
      translations: changes.translations ?? before.translations,
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
        incident_class: after.incidentClass,
        scope: after.scope ? JSON.stringify(after.scope) : null,
        component_statuses: JSON.stringify(after.componentStatuses),
        updated_at: after.updatedAt,
      })
      .where('id', '=', id)
      .execute();
    if (changes.translations) await replaceTranslations(trx, 'incident_template', id, ['title', 'body'], changes.translations, ctx.now());
    await recordAudit(trx, ctx, { action: 'incident_template.update', entityType: 'incident_template', entityId: id, before, after });
    return after;
  });
}
