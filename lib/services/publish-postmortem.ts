import { z } from 'zod';
import { getIncident } from '@/lib/db/queries/incidents';
import type { IncidentRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { ConflictError, NotFoundError, parseInput } from '@/lib/services/errors';
import { Id, Markdown } from '@/lib/services/schemas';
import { defaultPostmortemVisibility, POSTMORTEM_VISIBILITIES } from '@/lib/domain/postmortem-visibility';

export const PublishPostmortemInput = z.object({
  incidentId: Id,
  body: Markdown.refine((v) => v.trim().length > 0, 'is required'),
  /** Whether subscribers hear of it; stored so the alert worker can honour it. */
  deliverNotifications: z.boolean().default(true),
  /** Who may read it; unset, the first publication follows the incident's class and a republication keeps it. */
  visibility: z.enum(POSTMORTEM_VISIBILITIES).optional(),
});
export type PublishPostmortemInput = z.input<typeof PublishPostmortemInput>;

/**
 * Publishes (or republishes) the postmortem of a resolved incident, to everyone or to audiences at
 * a support level and up. The visibility is written before the alert is queued, so a postmortem
 * that is not for everyone never reaches the public outbox.
 */
export async function publishPostmortem({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PublishPostmortemInput;
}): Promise<IncidentRow> {
  authorize(ctx, 'postmortem.publish');
  const data = parseInput(PublishPostmortemInput, input);
  const now = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const incident = await getIncident(trx, data.incidentId);
    if (!incident || incident.kind !== 'incident') throw new NotFoundError('Incident', data.incidentId);
    if (incident.status !== 'resolved' && incident.status !== 'postmortem') {
      throw new ConflictError('A postmortem can only be published once the incident is resolved', {
        incidentId: `incident is ${incident.status}`,
      });
    }
    const next: IncidentRow = {
      ...incident,
      status: 'postmortem',
      postmortem_body: data.body,
      postmortem_published_at: incident.postmortem_published_at ?? now,
      postmortem_notify: data.deliverNotifications,
      postmortem_visibility:
        data.visibility ?? (incident.postmortem_published_at ? incident.postmortem_visibility : defaultPostmortemVisibility(incident.incident_class)),
      updated_at: now,
    };
    await trx.updateTable('incidents').set(next).where('id', '=', incident.id).execute();
    await emit(trx, { type: 'incident.postmortem_published', incidentId: incident.id, notify: data.deliverNotifications }, ctx.now());
    await recordAudit(trx, ctx, { action: 'incident.postmortem', entityType: 'incident', entityId: incident.id, before: { postmortem_body: incident.postmortem_body, postmortem_visibility: incident.postmortem_visibility }, after: { postmortem_body: next.postmortem_body, postmortem_visibility: next.postmortem_visibility } });
    return next;
  });
}
