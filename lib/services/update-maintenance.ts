import { z } from 'zod';
import { MAINTENANCE_STATUSES, type ComponentStatus } from '@/lib/domain/status';
import { listAffected } from '@/lib/db/queries/incidents';
import { forUpdate } from '@/lib/db/row-lock';
import { withTransaction } from '@/lib/db/transaction';
import { addUpdateInTransaction, type AddedUpdate, type UpdateIntent } from '@/lib/services/add-incident-update';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { Id, IsoTime, Markdown, Name } from '@/lib/services/schemas';
import { TranslationsInput } from '@/lib/services/translation-schemas';

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
  /** Beacon extension (issue #15): the update's text per language. */
  translations: TranslationsInput(['body']).optional(),
});
export type UpdateMaintenanceInput = z.input<typeof UpdateMaintenanceInput>;

const STATUS_ON_ENTER: Partial<Record<string, ComponentStatus>> = {
  in_progress: 'under_maintenance',
  completed: 'operational',
};

/**
 * Posts a maintenance update: reschedule, start, verify, complete or cancel.
 * Starting moves its components to under_maintenance; completing moves them back.
 * `asMove` (the scheduler) refuses a maintenance already at the status instead of posting again.
 */
export async function updateMaintenance({
  ctx,
  input,
  asMove = false,
}: {
  ctx: ServiceContext;
  input: UpdateMaintenanceInput;
  asMove?: boolean;
}): Promise<AddedUpdate> {
  authorize(ctx, 'maintenance.update');
  const data = parseInput(UpdateMaintenanceInput, input);
  return withTransaction(ctx.db, async (trx) => {
    // Locked until commit, so that the status checked here is still the status written on.
    const maintenance = await forUpdate(trx, trx.selectFrom('incidents').selectAll().where('id', '=', data.id)).executeTakeFirst();
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
    const renaming = data.name !== undefined && data.name !== maintenance.name;
    if (renaming) await trx.updateTable('incidents').set({ name: data.name }).where('id', '=', data.id).execute();
    const intent: UpdateIntent = { isMove: asMove, otherChanges: rescheduling || renaming };

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
      translations: data.translations,
    }, ctx, intent);
  });
}
