import { z } from 'zod';
import { listAffected } from '@/lib/db/queries/incidents';
import { withTransaction } from '@/lib/db/transaction';
import { addUpdateInTransaction, type AddedUpdate } from '@/lib/services/add-incident-update';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { parseInput } from '@/lib/services/errors';
import { ComponentChanges, Id, IsoTime, Markdown } from '@/lib/services/schemas';

export const ResolveIncidentInput = z.object({
  incidentId: Id,
  body: Markdown.default('This incident has been resolved.'),
  /** Components that should NOT return to operational, with the status they keep. */
  components: ComponentChanges,
  displayAt: IsoTime.optional(),
  deliverNotifications: z.boolean().default(true),
});
export type ResolveIncidentInput = z.input<typeof ResolveIncidentInput>;

/** Resolves an incident; affected components go back to operational unless told otherwise. */
export async function resolveIncident({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ResolveIncidentInput;
}): Promise<AddedUpdate> {
  authorize(ctx, 'incident.resolve');
  const data = parseInput(ResolveIncidentInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const affected = (await listAffected(trx, [data.incidentId])).get(data.incidentId) ?? [];
    const explicit = new Map(data.components.map((c) => [c.id, c.status]));
    const components = [
      ...data.components,
      ...affected.filter((id) => !explicit.has(id)).map((id) => ({ id, status: 'operational' as const })),
    ];
    return addUpdateInTransaction(trx, ctx.now(), {
      incidentId: data.incidentId,
      status: 'resolved',
      body: data.body,
      components,
      displayAt: data.displayAt,
      deliverNotifications: data.deliverNotifications,
    }, ctx, { isMove: true });
  });
}
