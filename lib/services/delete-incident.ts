import { z } from 'zod';
import { deletionVerdict } from '@/lib/domain/retention';
import { getIncident } from '@/lib/db/queries/incidents';
import type { IncidentRow } from '@/lib/db/schema';
import { deleteTranslations } from '@/lib/db/queries/translations';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { ConflictError, NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

export const DeleteIncidentInput = z.object({ id: Id });
export type DeleteIncidentInput = z.input<typeof DeleteIncidentInput>;

/** Raised when retention keeps an incident; a 409 names the day it may go. */
export class RetainedError extends ConflictError {
  constructor(kind: string, deletableFrom: string) {
    super(`A finished ${kind} is kept for 365 days; this one cannot be deleted before ${deletableFrom}`, {
      id: `retained until ${deletableFrom}`,
    });
  }
}

/**
 * Deletes an incident or maintenance with its updates where retention allows (see
 * deletionVerdict): a mistaken open incident, a maintenance that never ran, or history past
 * 365 days. Component statuses are left as they are; their intervals stay in the history.
 */
export async function deleteIncident({ ctx, input }: { ctx: ServiceContext; input: DeleteIncidentInput }): Promise<IncidentRow> {
  authorize(ctx, 'incident.delete');
  const { id } = parseInput(DeleteIncidentInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const incident = await getIncident(trx, id);
    if (!incident) throw new NotFoundError('Incident', id);
    if (incident.kind === 'maintenance') authorize(ctx, 'maintenance.delete');
    const verdict = deletionVerdict(incident, ctx.now());
    if (!verdict.allowed) throw new RetainedError(incident.kind, verdict.deletableFrom);

    const updateIds = trx.selectFrom('incident_updates').select('id').where('incident_id', '=', id);
    await trx.deleteFrom('incident_update_components').where('update_id', 'in', updateIds).execute();
    await trx.deleteFrom('content_translations').where('entity_type', '=', 'incident_update').where('entity_id', 'in', updateIds).execute();
    await trx.deleteFrom('incident_updates').where('incident_id', '=', id).execute();
    await trx.deleteFrom('incident_components').where('incident_id', '=', id).execute();
    await trx.deleteFrom('incidents').where('id', '=', id).execute();
    await deleteTranslations(trx, 'incident', id);
    await recordAudit(trx, ctx, { action: `${incident.kind}.delete`, entityType: incident.kind, entityId: id, before: incident });
    await emit(trx, { type: 'page.changed', what: 'incident', incidentId: id }, ctx.now());
    return incident;
  });
}
