import { z } from 'zod';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { parseInput } from '@/lib/services/errors';

export const TwoFactorPolicyInput = z.object({ required: z.boolean() });

/** Requires (or stops requiring) a second factor of every operator; those without one are sent to enrol. */
export async function setTwoFactorPolicy({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof TwoFactorPolicyInput> }) {
  authorize(ctx, 'settings.update');
  const { required } = parseInput(TwoFactorPolicyInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const current = await trx.selectFrom('page_settings').select(['id', 'require_two_factor']).executeTakeFirstOrThrow();
    if (current.require_two_factor === required) return { required };
    await trx.updateTable('page_settings').set({ require_two_factor: required, updated_at: ctx.now().toISOString() }).where('id', '=', current.id).execute();
    await recordAudit(trx, ctx, {
      action: 'settings.two_factor_policy',
      entityType: 'settings',
      entityId: current.id,
      before: { require_two_factor: current.require_two_factor },
      after: { require_two_factor: required },
    });
    return { required };
  });
}
