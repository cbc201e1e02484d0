import { z } from 'zod';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { ConflictError, NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

export const RemoveOperatorInput = z.object({ id: Id });

/**
 * Removes an operator: their sessions end at once and their API keys are revoked.
 * The last admin cannot be removed, so the page never loses its owner.
 */
export async function removeOperator({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof RemoveOperatorInput> }) {
  authorize(ctx, 'operator.remove');
  const { id } = parseInput(RemoveOperatorInput, input);
  const now = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const operator = await trx
      .selectFrom('operators')
      .select(['id', 'email', 'name', 'role'])
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (!operator) throw new NotFoundError('Operator', id);
    if (operator.role === 'admin') {
      const admins = await trx.selectFrom('operators').select('id').where('role', '=', 'admin').where('removed_at', 'is', null).execute();
      if (admins.length <= 1) throw new ConflictError('The last admin cannot be removed', { id: 'last admin' });
    }
    await trx.deleteFrom('sessions').where('operator_id', '=', id).execute();
    await trx.updateTable('api_keys').set({ revoked_at: now }).where('operator_id', '=', id).where('revoked_at', 'is', null).execute();
    // Keys keep their operator reference for the audit trail, so the row is anonymised, not deleted.
    await trx
      .updateTable('operators')
      .set({ email: `removed+${id}@invalid`, password_hash: '!', removed_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, { action: 'operator.remove', entityType: 'operator', entityId: id, before: operator });
  });
}
