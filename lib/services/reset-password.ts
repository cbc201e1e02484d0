import { z } from 'zod';
import { hashPassword, MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { digest } from '@/lib/auth/tokens';
import { withTransaction, type DbOrTx } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import type { ServiceContext } from '@/lib/services/context';
import { ServiceError, parseInput } from '@/lib/services/errors';

export const ResetPasswordInput = z.object({
  token: z.string().max(200),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(256, 'must be at most 256 characters'),
});

export class ResetLinkInvalidError extends ServiceError {
  constructor() {
    super('reset_link_invalid', 'This link has expired or was already used. Ask an admin for a new one.', 410);
  }
}

/** The operator a reset link is for while it can still be used, or undefined. */
export async function getPasswordResetOperator(db: DbOrTx, token: string, now: Date) {
  if (!token || token.length > 200) return undefined;
  return db
    .selectFrom('password_resets')
    .innerJoin('operators', 'operators.id', 'password_resets.operator_id')
    .select(['operators.id', 'operators.email', 'operators.name'])
    .where('password_resets.id', '=', digest(token))
    .where('password_resets.used_at', 'is', null)
    .where('password_resets.expires_at', '>', now.toISOString())
    .where('operators.removed_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Sets a new password through a reset link: the link works once and only before it expires;
 * every session of the operator ends, so whoever held the old password is signed out.
 */
export async function resetPassword({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof ResetPasswordInput> }) {
  const data = parseInput(ResetPasswordInput, input);
  const now = ctx.now();
  const passwordHash = await hashPassword(data.password);
  return withTransaction(ctx.db, async (trx) => {
    const operator = await getPasswordResetOperator(trx, data.token, now);
    if (!operator) throw new ResetLinkInvalidError();
    // Claimed with a condition, so two uses at once cannot both succeed.
    const claimed = await trx
      .updateTable('password_resets')
      .set({ used_at: now.toISOString() })
      .where('id', '=', digest(data.token))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new ResetLinkInvalidError();
    await trx.updateTable('operators').set({ password_hash: passwordHash, updated_at: now.toISOString() }).where('id', '=', operator.id).execute();
    await trx.deleteFrom('sessions').where('operator_id', '=', operator.id).execute();
    const actorCtx: ServiceContext = { ...ctx, actor: ctx.actor ?? { type: 'system', id: operator.id, name: `${operator.name} <${operator.email}> (reset link)` } };
    await recordAudit(trx, actorCtx, { action: 'operator.password_reset', entityType: 'operator', entityId: operator.id, after: { email: operator.email } });
    return operator;
  });
}
