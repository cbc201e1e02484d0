import { z } from 'zod';
import type { IncidentRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { assertComponentsExist } from '@/lib/services/component-changes';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { createIncident } from '@/lib/services/create-incident';
import { TranslationsInput } from '@/lib/services/translation-schemas';
import { createMaintenance } from '@/lib/services/create-maintenance';
import { ValidationError, parseInput } from '@/lib/services/errors';
import { ComponentStatusInput, Id, ImpactInput, IsoTime, Markdown, Name } from '@/lib/services/schemas';

/** A component an incident names: `status` null means "affected, status unchanged". */
export const AffectedComponents = z
  .array(z.object({ id: Id, status: ComponentStatusInput.nullable() }))
  .max(500)
  .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'lists a component twice');

export const CreateStatuspageIncidentInput = z.object({
  name: Name,
  status: z
    .enum(['investigating', 'identified', 'monitoring', 'resolved', 'scheduled', 'in_progress', 'verifying', 'completed'])
    .optional(),
  body: Markdown.default(''),
  components: AffectedComponents.default([]),
  impactOverride: ImpactInput.nullish(),
  deliverNotifications: z.boolean().default(true),
  backfilled: z.boolean().default(false),
  /** Start of a backfilled incident. */
  backfillDate: IsoTime.optional(),
  scheduledFor: IsoTime.optional(),
  scheduledUntil: IsoTime.optional(),
  autoStart: z.boolean().default(false),
  autoComplete: z.boolean().default(false),
  /** Beacon extension (issue #15): the title and first text per language. */
  translations: TranslationsInput(['name', 'body']).optional(),
});
export type CreateStatuspageIncidentInput = z.input<typeof CreateStatuspageIncidentInput>;

const MAINTENANCE = ['scheduled', 'in_progress', 'verifying', 'completed'];

/**
 * Creates an incident the way Statuspage's POST /incidents does: a realtime incident, a
 * backfilled (already resolved) one, or a scheduled maintenance when a window or a
 * maintenance status is given. Components named without a status are affected but keep it.
 */
export async function createStatuspageIncident({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateStatuspageIncidentInput;
}): Promise<IncidentRow> {
  authorize(ctx, 'incident.create');
  const data = parseInput(CreateStatuspageIncidentInput, input);
  const isMaintenance =
    (data.status !== undefined && MAINTENANCE.includes(data.status)) ||
    data.scheduledFor !== undefined ||
    data.scheduledUntil !== undefined;

  return withTransaction(ctx.db, async (trx) => {
    const inner = { ...ctx, db: trx };
    await assertComponentsExist(trx, data.components.map((c) => c.id));

    if (isMaintenance) {
      if (data.status !== undefined && data.status !== 'scheduled') {
        throw new ValidationError('A maintenance is created as scheduled', { status: 'must be scheduled for a maintenance' });
      }
      if (!data.scheduledFor) throw new ValidationError('scheduledFor is required', { scheduledFor: 'is required for a maintenance' });
      if (!data.scheduledUntil) throw new ValidationError('scheduledUntil is required', { scheduledUntil: 'is required for a maintenance' });
      const row = await createMaintenance({
        ctx: inner,
        input: {
          name: data.name,
          body: data.body,
          scheduledFor: data.scheduledFor,
          scheduledUntil: data.scheduledUntil,
          componentIds: data.components.map((c) => c.id),
          autoStart: data.autoStart,
          autoComplete: data.autoComplete,
          deliverNotifications: data.deliverNotifications,
          translations: data.translations,
        },
      });
      return row;
    }

    if (data.backfilled) {
      if (data.components.length > 0) {
        throw new ValidationError('A backfilled incident cannot name components', { components: 'not allowed when backfilled' });
      }
      return createIncident({
        ctx: inner,
        input: {
          name: data.name,
          status: 'resolved',
          body: data.body,
          impactOverride: data.impactOverride,
          startedAt: data.backfillDate,
          deliverNotifications: false,
          translations: data.translations,
        },
      });
    }

    const current = await currentStatuses(trx, data.components.filter((c) => c.status === null).map((c) => c.id));
    return createIncident({
      ctx: inner,
      input: {
        name: data.name,
        status: (data.status as 'investigating' | 'identified' | 'monitoring' | 'resolved' | undefined) ?? 'investigating',
        body: data.body,
        components: data.components.map((c) => ({ id: c.id, status: c.status ?? current.get(c.id)! })),
        impactOverride: data.impactOverride,
        deliverNotifications: data.deliverNotifications,
        translations: data.translations,
      },
    });
  });
}

/** Current statuses of the given components. */
export async function currentStatuses(trx: ServiceContext['db'], ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, z.infer<typeof ComponentStatusInput>>();
  const rows = await trx.selectFrom('components').select(['id', 'status']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.status]));
}
