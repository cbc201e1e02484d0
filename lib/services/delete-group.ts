import { z } from 'zod';
import { getGroup } from '@/lib/db/queries/components';
import type { ComponentGroupRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

export const DeleteGroupInput = z.object({ id: Id });
export type DeleteGroupInput = z.input<typeof DeleteGroupInput>;

/**
 * Deletes a component group. As in Statuspage, its components are not deleted: they move
 * out of the group and become top-level (archived ones too, so none points at a lost group).
 * Returns the group as it was, with the ids of the components it held.
 */
export async function deleteGroup({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: DeleteGroupInput;
}): Promise<{ group: ComponentGroupRow; movedComponentIds: string[] }> {
  authorize(ctx, 'group.delete');
  const { id } = parseInput(DeleteGroupInput, input);
  const at = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const group = await getGroup(trx, id);
    if (!group) throw new NotFoundError('Component group', id);
    const members = await trx.selectFrom('components').select(['id', 'archived_at']).where('group_id', '=', id).execute();
    if (members.length > 0) {
      await trx.updateTable('components').set({ group_id: null, updated_at: at }).where('group_id', '=', id).execute();
    }
    await trx.deleteFrom('component_groups').where('id', '=', id).execute();
    const movedComponentIds = members.filter((m) => !m.archived_at).map((m) => m.id);
    await recordAudit(trx, ctx, {
      action: 'group.delete',
      entityType: 'component_group',
      entityId: id,
      before: { ...group, components: movedComponentIds },
    });
    await emit(trx, { type: 'page.changed', what: 'group' }, ctx.now());
    return { group, movedComponentIds };
  });
}
