import { z } from 'zod';
import { newId } from '@/lib/db/ids';
import type { IncidentRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { assertComponentsExist } from '@/lib/services/component-changes';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { limitNewIncident } from '@/lib/services/incident-audiences';
import { ValidationError, parseInput } from '@/lib/services/errors';
import { Id, IsoTime, Markdown, Name } from '@/lib/services/schemas';
import { TranslationsInput } from '@/lib/services/translation-schemas';
import { saveIncidentTranslations } from '@/lib/services/create-incident';

export const CreateMaintenanceInput = z.object({
  name: Name,
  body: Markdown.default(''),
  scheduledFor: IsoTime,
  scheduledUntil: IsoTime,
  componentIds: z.array(Id).max(500).default([]),
  autoStart: z.boolean().default(true),
  autoComplete: z.boolean().default(true),
  deliverNotifications: z.boolean().default(true),
  /** Beacon extension (issue #15): the title and first message per language. */
  translations: TranslationsInput(['name', 'body']).optional(),
});
export type CreateMaintenanceInput = z.input<typeof CreateMaintenanceInput>;

/** Schedules a maintenance window; components change only when it starts. */
export async function createMaintenance({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateMaintenanceInput;
}): Promise<IncidentRow> {
  authorize(ctx, 'maintenance.create');
  const data = parseInput(CreateMaintenanceInput, input);
  if (data.scheduledUntil <= data.scheduledFor) {
    throw new ValidationError('The window must end after it starts', { scheduledUntil: 'must be after scheduledFor' });
  }
  const now = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const componentIds = [...new Set(data.componentIds)];
    await assertComponentsExist(trx, componentIds, 'componentIds');
    const maintenance: IncidentRow = {
      id: newId(),
      kind: 'maintenance',
      postmortem_visibility: 'everyone',
      name: data.name,
      status: 'scheduled',
      impact: 'none',
      impact_override: null,
      started_at: data.scheduledFor,
      monitoring_at: null,
      resolved_at: null,
      scheduled_for: data.scheduledFor,
      scheduled_until: data.scheduledUntil,
      auto_start: data.autoStart,
      auto_complete: data.autoComplete,
      postmortem_body: null,
      postmortem_published_at: null,
      postmortem_notify: null,
      incident_class: null,
      scope: null,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('incidents').values(maintenance).execute();
    if (componentIds.length > 0) {
      await trx
        .insertInto('incident_components')
        .values(componentIds.map((id) => ({ incident_id: maintenance.id, component_id: id })))
        .execute();
    }
    const updateId = newId();
    await trx
      .insertInto('incident_updates')
      .values({
        id: updateId,
        incident_id: maintenance.id,
        status: 'scheduled',
        body: data.body,
        display_at: now,
        deliver_notifications: data.deliverNotifications,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (data.translations) await saveIncidentTranslations(trx, maintenance.id, updateId, data.translations, ctx.now());
    // Maintenance of private components only is private to their audiences (the default rule).
    await limitNewIncident(trx, maintenance.id, componentIds, undefined);
    await emit(trx, { type: 'maintenance.scheduled', incidentId: maintenance.id, updateId }, ctx.now());
    await recordAudit(trx, ctx, { action: 'maintenance.create', entityType: 'maintenance', entityId: maintenance.id, after: { ...maintenance, body: data.body, componentIds, ...(data.translations && { translations: data.translations }) } });
    return maintenance;
  });
}
