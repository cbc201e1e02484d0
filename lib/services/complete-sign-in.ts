import { z } from 'zod';
import { digest } from '@/lib/auth/tokens';
import { verifyTotp } from '@/lib/auth/totp';
import { withTransaction } from '@/lib/db/transaction';
import { normalizeRecoveryCode } from '@/lib/domain/recovery-codes';
import { recordAudit } from '@/lib/services/audit';
import type { ServiceContext } from '@/lib/services/context';
import { ServiceError, ValidationError, parseInput } from '@/lib/services/errors';
import { openSession, type OpenedSession } from '@/lib/services/open-session';

/** Wrong codes allowed for one password sign-in before it must start again. */
export const CHALLENGE_ATTEMPTS = 5;

export const CompleteSignInInput = z.object({
  challengeToken: z.string().max(200).optional(),
  code: z.string().trim().min(1, 'is required').max(40, 'must be at most 40 characters'),
  deviceToken: z.string().regex(/^[\w-]{20,128}$/).nullish().catch(null),
});

export class ChallengeExpiredError extends ServiceError {
  constructor() {
    super('challenge_expired', 'This sign-in has expired or had too many wrong codes. Sign in again with your password.', 401);
  }
}

/**
 * The second step of signing in: a 6-digit code from the authenticator app (one 30-second
 * step either side of now, each step usable once) or one of the recovery codes (each usable
 * once). Five wrong codes end the attempt. Opens the session on success.
 */
export async function completeSignIn({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof CompleteSignInInput> }): Promise<OpenedSession & { usedRecoveryCode: boolean }> {
  const data = parseInput(CompleteSignInInput, input);
  const now = ctx.now();
  if (!data.challengeToken) throw new ChallengeExpiredError();
  const challengeId = digest(data.challengeToken);
  const outcome = await withTransaction(ctx.db, async (trx) => {
    const challenge = await trx
      .selectFrom('sign_in_challenges')
      .selectAll()
      .where('id', '=', challengeId)
      .where('expires_at', '>', now.toISOString())
      .where('attempts', '<', CHALLENGE_ATTEMPTS)
      .executeTakeFirst();
    if (!challenge) return { kind: 'expired' as const };
    const operator = await trx.selectFrom('operators').selectAll().where('id', '=', challenge.operator_id).where('removed_at', 'is', null).executeTakeFirst();
    if (!operator?.totp_secret) return { kind: 'expired' as const };

    let usedRecoveryCode = false;
    const step = /^\d{6}$/.test(data.code) ? await verifyTotp({ secret: operator.totp_secret, code: data.code, now, afterStep: operator.totp_last_step }) : undefined;
    if (step !== undefined) {
      // Conditional, so the same code sent twice at once opens one session.
      const moved = await trx
        .updateTable('operators')
        .set({ totp_last_step: step })
        .where('id', '=', operator.id)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return { kind: 'wrong' as const };
    } else {
      const recovery = normalizeRecoveryCode(data.code);
      const used = recovery
        ? await trx
            .updateTable('recovery_codes')
            .set({ used_at: now.toISOString() })
            .where('operator_id', '=', operator.id)
            .where('code_hash', '=', digest(recovery))
            .where('used_at', 'is', null)
            .executeTakeFirst()
        : undefined;
      if (!used || Number(used.numUpdatedRows) !== 1) return { kind: 'wrong' as const };
      usedRecoveryCode = true;
    }
    await trx.deleteFrom('sign_in_challenges').where('id', '=', challengeId).execute();
    const session = await openSession(trx, operator, { now, ip: challenge.ip, userAgent: challenge.user_agent, deviceToken: data.deviceToken });
    const actorCtx: ServiceContext = { ...ctx, actor: { type: 'operator', id: operator.id, name: `${operator.name} <${operator.email}>`, role: operator.role } };
    if (usedRecoveryCode) {
      const left = await trx.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<string | number>().as('n')).where('operator_id', '=', operator.id).where('used_at', 'is', null).executeTakeFirstOrThrow();
      await recordAudit(trx, actorCtx, { action: 'operator.recovery_code_used', entityType: 'operator', entityId: operator.id, after: { recovery_codes_left: Number(left.n) } });
    }
    return { kind: 'ok' as const, session, usedRecoveryCode };
  });
  if (outcome.kind === 'expired') throw new ChallengeExpiredError();
  if (outcome.kind === 'wrong') {
    // Counted outside the refused transaction, so the failure is kept.
    await ctx.db.updateTable('sign_in_challenges').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', challengeId).execute();
    throw new ValidationError('That code is not right', { code: 'is not right' });
  }
  return { ...outcome.session, usedRecoveryCode: outcome.usedRecoveryCode };
}
