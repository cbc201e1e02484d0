import { z } from 'zod';
import type { IncidentUpdateRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { Id, IsoTime, Markdown } from '@/lib/services/schemas';

export const EditIncidentUpdateInput = z.object({
  incidentId: Id,
  updateId: Id,
  body: Markdown.optional(),
  displayAt: IsoTime.optional(),
  deliverNotifications: z.boolean().optional(),
});
export type EditIncidentUpdateInput = z.input<typeof EditIncidentUpdateInput>;

/**
 * Corrects a posted update's text, display time or notify flag (Statuspage's "tune an
 * incident update"). A changed text is marked edited with the time, on the public page too.
 * Nothing is sent again: subscribers were told when it was posted.
 */
export async function editIncidentUpdate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: EditIncidentUpdateInput;
}): Promise<IncidentUpdateRow> {
  authorize(ctx, 'incident.update');
  const data = parseInput(EditIncidentUpdateInput, input);
  const now = ctx.now().toISOString();
  if (data.displayAt && data.displayAt > now) {
    throw new ValidationError('displayAt cannot be in the future', { displayAt: 'is in the future' });
  }
  return withTransaction(ctx.db, async (trx) => {
    const before = await trx
      .selectFrom('incident_updates')
      .selectAll()
      .where('id', '=', data.updateId)
      .where('incident_id', '=', data.incidentId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (!before) throw new NotFoundError('Incident update', data.updateId);
    const textChanged = data.body !== undefined && data.body !== before.body;
    const after: IncidentUpdateRow = {
      ...before,
      body: data.body ?? before.body,
      edited_at: textChanged ? now : (before.edited_at ?? null),
      display_at: data.displayAt ?? before.display_at,
      deliver_notifications: data.deliverNotifications ?? before.deliver_notifications,
      updated_at: now,
    };
    await trx.updateTable('incident_updates').set(after).where('id', '=', before.id).execute();
    await trx.updateTable('incidents').set({ updated_at: now }).where('id', '=', data.incidentId).execute();
    await recordAudit(trx, ctx, { action: 'incident_update.edit', entityType: 'incident_update', entityId: before.id, before, after });
    await emit(trx, { type: 'page.changed', what: 'incident', incidentId: data.incidentId }, ctx.now());
    return after;
  });
}
