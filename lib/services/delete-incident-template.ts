import { z } from 'zod';
import { deleteTranslations } from '@/lib/db/queries/translations';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { getIncidentTemplate, type IncidentTemplate } from '@/lib/services/list-incident-templates';
import { Id } from '@/lib/services/schemas';

export const DeleteIncidentTemplateInput = z.object({ id: Id });
export type DeleteIncidentTemplateInput = z.input<typeof DeleteIncidentTemplateInput>;

/** Deletes a template; incidents made from it are not affected. Returns it as it was. */
export async function deleteIncidentTemplate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: DeleteIncidentTemplateInput;
}): Promise<IncidentTemplate> {
  authorize(ctx, 'template.delete');
  const { id } = parseInput(DeleteIncidentTemplateInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const before = await getIncidentTemplate(trx, id);
    if (!before) throw new NotFoundError('Incident template', id);
    await trx.deleteFrom('incident_templates').where('id', '=', id).execute();
    await deleteTranslations(trx, 'incident_template', id);
    await recordAudit(trx, ctx, { action: 'incident_template.delete', entityType: 'incident_template', entityId: id, before });
    return before;
  });
}
