import { z } from 'zod';
import { withTransaction } from '@/lib/db/transaction';
import { addUpdateInTransaction, type AddedUpdate } from '@/lib/services/add-incident-update';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { ConflictError, parseInput } from '@/lib/services/errors';
import { canReopen } from '@/lib/domain/lifecycle';
import { getIncident } from '@/lib/db/queries/incidents';
import { NotFoundError } from '@/lib/services/errors';
import { ComponentChanges, Id, Markdown } from '@/lib/services/schemas';

export const ReopenIncidentInput = z.object({
  incidentId: Id,
  status: z.enum(['investigating', 'identified', 'monitoring']).default('investigating'),
  body: Markdown.default(''),
  /** Where the components go as it reopens: the operator says; none move otherwise. */
  components: ComponentChanges,
  /** Off unless the operator asks: a reopen may be a correction nobody needs to hear about. */
  deliverNotifications: z.boolean().default(false),
});
export type ReopenIncidentInput = z.input<typeof ReopenIncidentInput>;

/**
 * Reopens a resolved incident: it returns to the active list at an open status, with an update
 * saying why, the components set where the operator says, and subscribers told only when asked.
 */
export async function reopenIncident({ ctx, input }: { ctx: ServiceContext; input: ReopenIncidentInput }): Promise<AddedUpdate> {
  authorize(ctx, 'incident.update');
  const data = parseInput(ReopenIncidentInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const incident = await getIncident(trx, data.incidentId);
    if (!incident) throw new NotFoundError('Incident', data.incidentId);
    if (!canReopen(incident.kind, incident.status, data.status)) {
      throw new ConflictError(`Only a resolved incident can be reopened; this one is ${incident.status}`, { status: `is ${incident.status}` });
    }
    return addUpdateInTransaction(
      trx,
      ctx.now(),
      { incidentId: data.incidentId, status: data.status, body: data.body, components: data.components, impactOverride: undefined, deliverNotifications: data.deliverNotifications },
      ctx,
      { reopen: true },
    );
  });
}
