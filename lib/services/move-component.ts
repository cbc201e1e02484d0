import { z } from 'zod';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

export const MoveInput = z.object({ kind: z.enum(['component', 'group']), id: Id, direction: z.enum(['up', 'down']) });
export type MoveInput = z.input<typeof MoveInput>;

/**
 * Moves a component (within its group) or a group one place up or down. Positions are
 * renumbered 1…n on the way, so gaps and ties left by older data heal themselves.
 */
export async function moveItem({ ctx, input }: { ctx: ServiceContext; input: MoveInput }): Promise<void> {
  authorize(ctx, 'component.move');
  const data = parseInput(MoveInput, input);
  const now = ctx.now().toISOString();
  await withTransaction(ctx.db, async (trx) => {
    let siblings: { id: string }[];
    if (data.kind === 'group') {
      siblings = await trx.selectFrom('component_groups').select('id').orderBy('position').orderBy('name').execute();
    } else {
      const component = await trx.selectFrom('components').select('group_id').where('id', '=', data.id).executeTakeFirst();
      if (!component) throw new NotFoundError('Component', data.id);
      siblings = await trx
        .selectFrom('components')
        .select('id')
        .where('group_id', component.group_id === null ? 'is' : '=', component.group_id)
        .where('archived_at', 'is', null)
        .orderBy('position')
        .orderBy('name')
        .execute();
    }
    const order = siblings.map((s) => s.id);
    const index = order.indexOf(data.id);
    if (index === -1) throw new NotFoundError(data.kind === 'group' ? 'Component group' : 'Component', data.id);
    const target = data.direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= order.length) return;
    [order[index], order[target]] = [order[target]!, order[index]!];
    const table = data.kind === 'group' ? 'component_groups' : 'components';
    for (const [i, id] of order.entries()) {
      await trx.updateTable(table).set({ position: i + 1, updated_at: now }).where('id', '=', id).execute();
    }
    await recordAudit(trx, ctx, { action: `${data.kind}.move`, entityType: data.kind, entityId: data.id, before: { position: index + 1 }, after: { position: target + 1 } });
    await emit(trx, { type: 'page.changed', what: data.kind }, ctx.now());
  });
}
