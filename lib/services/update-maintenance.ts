import { z } from 'zod';
import { MAINTENANCE_STATUSES, type ComponentStatus } from '@/lib/domain/status';
import { getIncident, listAffected } from '@/lib/db/queries/incidents';
import { withTransaction } from '@/lib/db/transaction';
import { addUpdateInTransaction, type AddedUpdate } from '@/lib/services/add-incident-update';
import { recordAudit } from '@/lib/services/audit';
import type { ServiceContext } from '@/lib/services/context';
import { NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { Id, IsoTime, Markdown, Name } from '@/lib/services/schemas';

export const UpdateMaintenanceInput = z.object({
  id: Id,
  status: z.enum(MAINTENANCE_STATUSES),
  body: Markdown.default(''),
  name: Name.optional(),
  /** A new window (reschedule); only while still scheduled. */
  scheduledFor: IsoTime.optional(),
  scheduledUntil: IsoTime.optional(),
  displayAt: IsoTime.optional(),
  deliverNotifications: z.boolean().default(true),
});
export type UpdateMaintenanceInput = z.input<typeof UpdateMaintenanceInput>;

const STATUS_ON_ENTER: Partial<Record<string, ComponentStatus>> = {
  in_progress: 'under_maintenance',
  completed: 'operational',
};

/**
 * Posts a maintenance update: reschedule, start, verify, complete or cancel.
 * Starting moves its components to under_maintenance; completing moves them back.
 */
export async function updateMaintenance({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdateMaintenanceInput;
}): Promise<AddedUpdate> {
  const data = parseInput(UpdateMaintenanceInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const maintenance = await getIncident(trx, data.id);
    if (!maintenance || maintenance.kind !== 'maintenance') throw new NotFoundError('Maintenance', data.id);

    // Sending the current window again (a form that always posts it) is not a reschedule.
    const rescheduling =
      (data.scheduledFor !== undefined && data.scheduledFor !== maintenance.scheduled_for) ||
      (data.scheduledUntil !== undefined && data.scheduledUntil !== maintenance.scheduled_until);
    if (rescheduling) {
      if (maintenance.status !== 'scheduled') {
        throw new ValidationError('Only a scheduled maintenance can be rescheduled', { scheduledFor: 'already started' });
      }
      const from = data.scheduledFor ?? maintenance.scheduled_for!;
      const until = data.scheduledUntil ?? maintenance.scheduled_until!;
      if (until <= from) {
        throw new ValidationError('The window must end after it starts', { scheduledUntil: 'must be after scheduledFor' });
      }
      await trx
        .updateTable('incidents')
        .set({ scheduled_for: from, scheduled_until: until, started_at: from })
        .where('id', '=', data.id)
        .execute();
      await recordAudit(trx, ctx, {
        action: 'maintenance.reschedule',
        entityType: 'maintenance',
        entityId: data.id,
        before: { scheduled_for: maintenance.scheduled_for, scheduled_until: maintenance.scheduled_until },
        after: { scheduled_for: from, scheduled_until: until },
      });
    }
    if (data.name) await trx.updateTable('incidents').set({ name: data.name }).where('id', '=', data.id).execute();

    const target = data.status !== maintenance.status ? STATUS_ON_ENTER[data.status] : undefined;
    const affected = (await listAffected(trx, [data.id])).get(data.id) ?? [];
    const components = target ? affected.map((id) => ({ id, status: target })) : [];
    return addUpdateInTransaction(trx, ctx.now(), {
      incidentId: data.id,
      status: data.status,
      body: data.body,
      components,
      displayAt: data.displayAt,
      deliverNotifications: data.deliverNotifications,
    }, ctx);
  });
}
