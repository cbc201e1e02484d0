import { z } from 'zod';
import { getGroup } from '@/lib/db/queries/components';
import type { ComponentGroupRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { setGroupMembers } from '@/lib/services/set-group-members';
import { Description, Id, Name } from '@/lib/services/schemas';
import { updateGroup } from '@/lib/services/update-group';

export const UpdateStatuspageGroupInput = z.object({
  id: Id,
  name: Name.optional(),
  description: Description,
  /** When given, exactly the group's members afterwards. */
  components: z
    .array(Id)
    .min(1, 'must list at least one component')
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'lists a component twice')
    .optional(),
});
export type UpdateStatuspageGroupInput = z.input<typeof UpdateStatuspageGroupInput>;

/** Renames or describes a group and replaces its members, as Statuspage's PATCH /component-groups/{id}. */
export async function updateStatuspageGroup({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdateStatuspageGroupInput;
}): Promise<ComponentGroupRow> {
  authorize(ctx, 'group.update');
  const { id, components, ...changes } = parseInput(UpdateStatuspageGroupInput, input);
  return withTransaction(ctx.db, async (trx) => {
    if (!(await getGroup(trx, id))) throw new NotFoundError('Component group', id);
    if (changes.name !== undefined || changes.description !== undefined) {
      await updateGroup({ ctx: { ...ctx, db: trx }, input: { id, ...changes } });
    }
    if (components) await setGroupMembers(ctx, trx, id, components);
    return (await getGroup(trx, id))!;
  });
}
