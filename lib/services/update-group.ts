import { z } from 'zod';
import { getGroup } from '@/lib/db/queries/components';
import type { ComponentGroupRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Description, GroupMembers, Id, Name } from '@/lib/services/schemas';
import { setGroupMembers } from '@/lib/services/set-group-members';
import { TranslationsInput } from '@/lib/services/translation-schemas';
import { replaceTranslations } from '@/lib/db/queries/translations';

export const UpdateGroupInput = z.object({
  id: Id,
  name: Name.optional(),
  description: Description,
  position: z.number().int().min(0).optional(),
  /** When given, exactly the group's live members afterwards. */
  componentIds: GroupMembers.optional(),
  /** Beacon extension (issue #15): the group's name per language; replaces its translations. */
  translations: TranslationsInput(['name']).optional(),
});
export type UpdateGroupInput = z.input<typeof UpdateGroupInput>;

/** Renames, describes or moves a group, and replaces its members when they are listed. */
export async function updateGroup({ ctx, input }: { ctx: ServiceContext; input: UpdateGroupInput }): Promise<ComponentGroupRow> {
  authorize(ctx, 'group.update');
  const { id, componentIds, translations, ...changes } = parseInput(UpdateGroupInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const group = await getGroup(trx, id);
    if (!group) throw new NotFoundError('Component group', id);
    if (componentIds) await setGroupMembers(ctx, trx, id, componentIds);
    if (translations) {
      await replaceTranslations(trx, 'component_group', id, ['name'], translations, ctx.now());
      await emit(trx, { type: 'page.changed', what: 'group' }, ctx.now());
    }
    if (Object.values(changes).every((v) => v === undefined)) return group;
    const next: ComponentGroupRow = {
      ...group,
      name: changes.name ?? group.name,
      description: changes.description === undefined ? group.description : changes.description,
      position: changes.position ?? group.position,
      updated_at: ctx.now().toISOString(),
    };
    await trx.updateTable('component_groups').set(next).where('id', '=', id).execute();
    await emit(trx, { type: 'page.changed', what: 'group' }, ctx.now());
    await recordAudit(trx, ctx, { action: 'group.update', entityType: 'group', entityId: next.id, before: group, after: next });
    return next;
  });
}
