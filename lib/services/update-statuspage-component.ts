import { z } from 'zod';
import { getComponent } from '@/lib/db/queries/components';
import type { ComponentRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { ComponentStatusInput, Description, Id, Name } from '@/lib/services/schemas';
import { setComponentStatus } from '@/lib/services/set-component-status';
import { updateComponent } from '@/lib/services/update-component';

export const UpdateStatuspageComponentInput = z.object({
  id: Id,
  name: Name.optional(),
  description: Description,
  groupId: Id.nullish(),
  showcase: z.boolean().optional(),
  onlyShowIfDegraded: z.boolean().optional(),
  status: ComponentStatusInput.optional(),
});
export type UpdateStatuspageComponentInput = z.input<typeof UpdateStatuspageComponentInput>;

/**
 * Applies a Statuspage PATCH /components/{id} in one transaction: presentation through
 * updateComponent and the status through setComponentStatus (a new status interval).
 */
export async function updateStatuspageComponent({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdateStatuspageComponentInput;
}): Promise<ComponentRow> {
  const { id, status, ...presentation } = parseInput(UpdateStatuspageComponentInput, input);
  const changesPresentation = Object.values(presentation).some((v) => v !== undefined);
  // A responder may set a status; anything else about a component is an admin's.
  if (changesPresentation) authorize(ctx, 'component.update');
  if (status !== undefined) authorize(ctx, 'component.status');
  return withTransaction(ctx.db, async (trx) => {
    const inner = { ...ctx, db: trx };
    const component = await getComponent(trx, id);
    if (!component || component.archived_at) throw new NotFoundError('Component', id);
    if (changesPresentation) {
      await updateComponent({ ctx: inner, input: { id, ...presentation } });
    }
    if (status !== undefined) await setComponentStatus({ ctx: inner, input: { id, status } });
    return (await getComponent(trx, id))!;
  });
}
