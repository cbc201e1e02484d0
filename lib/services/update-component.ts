import { z } from 'zod';
import { getComponent, getGroup } from '@/lib/db/queries/components';
import type { ComponentRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { ComponentStatusInput, Description, Id, Name } from '@/lib/services/schemas';
import { setComponentStatus } from '@/lib/services/set-component-status';
import { TranslationsInput } from '@/lib/services/translation-schemas';
import { replaceTranslations } from '@/lib/db/queries/translations';

export const UpdateComponentInput = z.object({
  id: Id,
  name: Name.optional(),
  description: Description,
  groupId: Id.nullish(),
  showcase: z.boolean().optional(),
  onlyShowIfDegraded: z.boolean().optional(),
  position: z.number().int().min(0).optional(),
  /** A new status, recorded as a status interval by setComponentStatus in the same transaction. */
  status: ComponentStatusInput.optional(),
  /** Beacon extension (issue #15): name and description per language; replaces the component's translations. */
  translations: TranslationsInput(['name', 'description']).optional(),
});
export type UpdateComponentInput = z.input<typeof UpdateComponentInput>;

/**
 * Edits a live component's presentation and, when given, its status (through setComponentStatus,
 * so a responder may change the status alone; anything else about a component is an admin's).
 */
export async function updateComponent({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdateComponentInput;
}): Promise<ComponentRow> {
  const { id, status, translations, ...changes } = parseInput(UpdateComponentInput, input);
  const editsPresentation = status === undefined || translations !== undefined || Object.values(changes).some((v) => v !== undefined);
  if (editsPresentation) authorize(ctx, 'component.update');
  if (status !== undefined) authorize(ctx, 'component.status');
  return withTransaction(ctx.db, async (trx) => {
    const component = await getComponent(trx, id);
    if (!component || component.archived_at) throw new NotFoundError('Component', id);
    if (!editsPresentation) return setComponentStatus({ ctx: { ...ctx, db: trx }, input: { id, status: status! } });
    if (changes.groupId && !(await getGroup(trx, changes.groupId))) {
      throw new ValidationError(`Unknown group ${changes.groupId}`, { groupId: 'unknown group' });
    }
    const next: ComponentRow = {
      ...component,
      name: changes.name ?? component.name,
      description: changes.description === undefined ? component.description : changes.description,
      group_id: changes.groupId === undefined ? component.group_id : changes.groupId,
      showcase: changes.showcase ?? component.showcase,
      only_show_if_degraded: changes.onlyShowIfDegraded ?? component.only_show_if_degraded,
      position: changes.position ?? component.position,
      updated_at: ctx.now().toISOString(),
    };
    await trx.updateTable('components').set(next).where('id', '=', id).execute();
    if (translations) await replaceTranslations(trx, 'component', id, ['name', 'description'], translations, ctx.now());
    await emit(trx, { type: 'page.changed', what: 'component' }, ctx.now());
    await recordAudit(trx, ctx, { action: 'component.update', entityType: 'component', entityId: next.id, before: component, after: translations ? { ...next, translations } : next });
    if (status !== undefined) return setComponentStatus({ ctx: { ...ctx, db: trx }, input: { id, status } });
    return next;
  });
}
