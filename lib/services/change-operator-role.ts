import { z } from 'zod';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { OperatorRole } from '@/lib/services/create-operator';
import { ConflictError, NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

export const ChangeOperatorRoleInput = z.object({ id: Id, role: OperatorRole });

/**
 * Gives an operator another role; it applies to their open sessions at once (roles are read
 * on every request). The last admin cannot step down, so the page never loses its owner.
 */
export async function changeOperatorRole({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof ChangeOperatorRoleInput> }) {
  authorize(ctx, 'operator.update');
  const { id, role } = parseInput(ChangeOperatorRoleInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const before = await trx
      .selectFrom('operators')
      .select(['id', 'email', 'name', 'role'])
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (!before) throw new NotFoundError('Operator', id);
    if (before.role === role) return before;
    if (before.role === 'admin') {
      const admins = await trx.selectFrom('operators').select('id').where('role', '=', 'admin').where('removed_at', 'is', null).execute();
      if (admins.length <= 1) throw new ConflictError('The last admin cannot become a responder; make someone else admin first', { role: 'last admin' });
    }
    await trx.updateTable('operators').set({ role, updated_at: ctx.now().toISOString() }).where('id', '=', id).execute();
    const after = { ...before, role };
    await recordAudit(trx, ctx, { action: 'operator.role', entityType: 'operator', entityId: id, before, after });
    return after;
  });
}
