import type { z } from 'zod';
import { newId } from '@/lib/db/ids';
import { withTransaction } from '@/lib/db/transaction';
import { replaceTranslations } from '@/lib/db/queries/translations';
import { recordAudit } from '@/lib/services/audit';
import { assertComponentsExist } from '@/lib/services/component-changes';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { parseInput } from '@/lib/services/errors';
import { TemplateFields, templateComponentIds, toIncidentTemplate, type IncidentTemplate } from '@/lib/services/list-incident-templates';

export const CreateIncidentTemplateInput = TemplateFields;
export type CreateIncidentTemplateInput = z.input<typeof CreateIncidentTemplateInput>;

/** Saves a template the composer (and the API) can start an incident from. */
export async function createIncidentTemplate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateIncidentTemplateInput;
}): Promise<IncidentTemplate> {
  authorize(ctx, 'template.create');
  const data = parseInput(CreateIncidentTemplateInput, input);
  const now = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const componentIds = templateComponentIds(data.componentIds, data.componentStatuses);
    await assertComponentsExist(trx, componentIds, 'componentIds');
    const row = {
      id: newId(),
      name: data.name,
      title: data.title,
      body: data.body,
      status: data.status,
      component_ids: JSON.stringify(componentIds),
      incident_class: data.incidentClass,
      scope: data.scope ? JSON.stringify(data.scope) : null,
      component_statuses: JSON.stringify(data.componentStatuses),
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('incident_templates').values(row).execute();
    if (data.translations) await replaceTranslations(trx, 'incident_template', row.id, ['title', 'body'], data.translations, ctx.now());
    const template = toIncidentTemplate(row, data.translations);
    await recordAudit(trx, ctx, { action: 'incident_template.create', entityType: 'incident_template', entityId: row.id, after: template });
    return template;
  });
}
