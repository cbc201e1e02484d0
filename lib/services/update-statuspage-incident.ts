import { z } from 'zod';
import { getIncident } from '@/lib/db/queries/incidents';
import type { IncidentRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { addIncidentUpdate } from '@/lib/services/add-incident-update';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { AffectedComponents, currentStatuses } from '@/lib/services/create-statuspage-incident';
import { NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { updateMaintenance } from '@/lib/services/update-maintenance';
import { Id, ImpactInput, IsoTime, Markdown, Name } from '@/lib/services/schemas';
import { assertComponentsExist } from '@/lib/services/component-changes';
import { canReopen } from '@/lib/domain/lifecycle';
import { editIncident } from '@/lib/services/edit-incident';
import { reopenIncident } from '@/lib/services/reopen-incident';
import { TranslationsInput } from '@/lib/services/translation-schemas';
import { upsertTranslations } from '@/lib/db/queries/translations';
import type { Translations } from '@/lib/domain/localize';

export const UpdateStatuspageIncidentInput = z.object({
  id: Id,
  name: Name.optional(),
  status: z
    .enum(['investigating', 'identified', 'monitoring', 'resolved', 'scheduled', 'in_progress', 'verifying', 'completed'])
    .optional(),
  body: Markdown.optional(),
  components: AffectedComponents.optional(),
  /** undefined leaves the override alone; null removes it. */
  impactOverride: ImpactInput.nullish(),
  deliverNotifications: z.boolean().default(true),
  scheduledFor: IsoTime.optional(),
  scheduledUntil: IsoTime.optional(),
  autoStart: z.boolean().optional(),
  autoComplete: z.boolean().optional(),
  /** Beacon extension (issue #15): `name` per language edits the title's; `body` goes with the update this PATCH posts. */
  translations: TranslationsInput(['name', 'body']).optional(),
});
export type UpdateStatuspageIncidentInput = z.input<typeof UpdateStatuspageIncidentInput>;

/**
 * Applies a Statuspage PATCH /incidents/{id}: a new status, body or component statuses post
 * one incident update (as Statuspage does); name, impact override and maintenance flags are
 * edited in place without one. Resolving changes only the components that are sent.
 */
export async function updateStatuspageIncident({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdateStatuspageIncidentInput;
}): Promise<IncidentRow> {
  authorize(ctx, 'incident.update');
  const data = parseInput(UpdateStatuspageIncidentInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const inner = { ...ctx, db: trx };
    const before = await getIncident(trx, data.id);
    if (!before) throw new NotFoundError('Incident', data.id);
    const maintenance = before.kind === 'maintenance';
    if (data.status && MAINTENANCE_ONLY.includes(data.status) !== maintenance) {
      throw new ValidationError(`${data.status} is not a status of ${maintenance ? 'a maintenance' : 'an incident'}`, {
        status: `not a status of ${maintenance ? 'a maintenance' : 'an incident'}`,
      });
    }
    if (!maintenance && (data.scheduledFor || data.scheduledUntil)) {
      throw new ValidationError('Only a maintenance has a window', { scheduledFor: 'only for a maintenance' });
    }

    // In-place edits, audited here; the update below is audited by the verb that posts it.
    const edits: Partial<IncidentRow> = {};
    if (data.name !== undefined && data.name !== before.name) edits.name = data.name;
    if (maintenance && data.autoStart !== undefined) edits.auto_start = data.autoStart;
    if (maintenance && data.autoComplete !== undefined) edits.auto_complete = data.autoComplete;
    // A client sending the whole object (current status included) with an edit is not posting an
    // update; the same status alone is, and is refused as "already" by the lifecycle.
    const inPlace = data.name !== undefined || data.impactOverride !== undefined || data.autoStart !== undefined || data.autoComplete !== undefined;
    const echoesStatus = data.status === before.status && data.body === undefined && data.components === undefined && inPlace;
    const postsUpdate = (data.status !== undefined && !echoesStatus) || data.body !== undefined || data.components !== undefined;
    if (!maintenance) {
      // An incident's name and impact are corrected by the console's verb: audited, and a
      // removed override returns to the impact its components imply.
      const impactOverride = data.impactOverride !== undefined && !postsUpdate ? data.impactOverride : undefined;
      if (edits.name !== undefined || impactOverride !== undefined) await editIncident({ ctx: inner, input: { id: before.id, name: edits.name, impactOverride } });
      delete edits.name;
    }
    if (Object.keys(edits).length > 0) {
      edits.updated_at = ctx.now().toISOString();
      await trx.updateTable('incidents').set(edits).where('id', '=', before.id).execute();
      await recordAudit(trx, ctx, {
        action: `${before.kind}.edit`,
        entityType: before.kind,
        entityId: before.id,
        before: pick(before, Object.keys(edits)),
        after: edits,
      });
    }

    const names = onlyField(data.translations, 'name');
    if (names) await upsertTranslations(trx, 'incident', before.id, names, ctx.now());
    const bodies = onlyField(data.translations, 'body');

    const rescheduling = data.scheduledFor !== undefined || data.scheduledUntil !== undefined;
    if (maintenance && data.components === undefined && (postsUpdate || rescheduling)) {
      await updateMaintenance({
        ctx: inner,
        input: {
          id: before.id,
          status: (data.status ?? before.status) as 'scheduled',
          body: data.body ?? '',
          scheduledFor: data.scheduledFor,
          scheduledUntil: data.scheduledUntil,
          deliverNotifications: data.deliverNotifications,
          translations: bodies,
        },
      });
    } else if (postsUpdate) {
      if (rescheduling) {
        throw new ValidationError('Send a new window and component statuses in separate requests', {
          scheduledFor: 'cannot be combined with components',
        });
      }
      const components = data.components ?? [];
      await assertComponentsExist(trx, components.map((c) => c.id));
      const current = await currentStatuses(trx, components.filter((c) => c.status === null).map((c) => c.id));
      const status = data.status ?? before.status;
      if (!maintenance && canReopen('incident', before.status, status)) {
        // Statuspage reopens a resolved incident by PATCHing an open status.
        await reopenIncident({
          ctx: inner,
          input: {
            incidentId: before.id,
            status: status as 'investigating',
            body: data.body ?? '',
            components: components.map((c) => ({ id: c.id, status: c.status ?? current.get(c.id)! })),
            deliverNotifications: data.deliverNotifications,
          },
        });
        return (await getIncident(trx, before.id))!;
      }
      await addIncidentUpdate({
        ctx: inner,
        input: {
          incidentId: before.id,
          status: data.status ?? before.status,
          body: data.body ?? '',
          components: components.map((c) => ({ id: c.id, status: c.status ?? current.get(c.id)! })),
          impactOverride: maintenance ? undefined : data.impactOverride,
          deliverNotifications: data.deliverNotifications,
          translations: bodies,
        },
      });
    }
    return (await getIncident(trx, before.id))!;
  });
}

const MAINTENANCE_ONLY: readonly string[] = ['scheduled', 'in_progress', 'verifying', 'completed'];

function pick(row: IncidentRow, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k !== 'updated_at').map((k) => [k, row[k as keyof IncidentRow]]));
}

/** One field of `{ de: { name, body } }`, or undefined when no language has it. */
function onlyField(translations: Translations | undefined, field: 'name' | 'body'): Translations | undefined {
  const entries = Object.entries(translations ?? {}).flatMap(([l, t]) => (t?.[field] ? [[l, { [field]: t[field] }]] : []));
  return entries.length > 0 ? (Object.fromEntries(entries) as Translations) : undefined;
}
