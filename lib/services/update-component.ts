import { z } from 'zod';
import { getComponent, getGroup } from '@/lib/db/queries/components';
import type { ComponentRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { Description, Id, Name } from '@/lib/services/schemas';

export const UpdateComponentInput = z.object({
  id: Id,
  name: Name.optional(),
  description: Description,
  groupId: Id.nullish(),
  showcase: z.boolean().optional(),
  onlyShowIfDegraded: z.boolean().optional(),
  position: z.number().int().min(0).optional(),
});
export type UpdateComponentInput = z.input<typeof UpdateComponentInput>;

/** Edits a component's presentation; its status changes go through setComponentStatus. */
export async function updateComponent({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdateComponentInput;
}): Promise<ComponentRow> {
  authorize(ctx, 'component.update');
  const { id, ...changes } = parseInput(UpdateComponentInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const component = await getComponent(trx, id);
    if (!component) throw new NotFoundError('Component', id);
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
    await emit(trx, { type: 'page.changed', what: 'component' }, ctx.now());
    await recordAudit(trx, ctx, { action: 'component.update', entityType: 'component', entityId: next.id, before: component, after: next });
    return next;
  });
}
