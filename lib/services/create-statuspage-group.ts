import { z } from 'zod';
import type { ComponentGroupRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { createGroup } from '@/lib/services/create-group';
import { parseInput } from '@/lib/services/errors';
import { setGroupMembers } from '@/lib/services/set-group-members';
import { Description, Id, Name } from '@/lib/services/schemas';

export const CreateStatuspageGroupInput = z.object({
  name: Name,
  description: Description,
  /** Statuspage groups cannot be empty: their components exist first and move in. */
  components: z
    .array(Id)
    .min(1, 'must list at least one component')
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'lists a component twice'),
});
export type CreateStatuspageGroupInput = z.input<typeof CreateStatuspageGroupInput>;

/** Creates a group and moves its components into it, as Statuspage's POST /component-groups. */
export async function createStatuspageGroup({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateStatuspageGroupInput;
}): Promise<ComponentGroupRow> {
  authorize(ctx, 'group.create');
  const data = parseInput(CreateStatuspageGroupInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const group = await createGroup({ ctx: { ...ctx, db: trx }, input: { name: data.name, description: data.description } });
    await setGroupMembers(ctx, trx, group.id, data.components);
    return group;
  });
}
