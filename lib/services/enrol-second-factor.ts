import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { digest } from '@/lib/auth/tokens';
import { newTotpSecret, totpUri, verifyTotp } from '@/lib/auth/totp';
import { newId } from '@/lib/db/ids';
import { withTransaction, type DbOrTx } from '@/lib/db/transaction';
import { RECOVERY_CODE_COUNT, normalizeRecoveryCode, recoveryCodeFrom } from '@/lib/domain/recovery-codes';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { ConflictError, NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { Id } from '@/lib/services/schemas';

/**
 * Starts enrolling an authenticator app for the signed-in operator: a new secret, kept apart
 * from any enrolled one until a code from the app confirms it. Returns what the app scans.
 */
export async function startTotpEnrolment({ ctx, operatorId }: { ctx: ServiceContext; operatorId: string }) {
  authorize(ctx, 'account.manage');
  const operator = await ctx.db.selectFrom('operators').select(['id', 'totp_pending_secret']).where('id', '=', operatorId).where('removed_at', 'is', null).executeTakeFirst();
  if (!operator) throw new NotFoundError('Operator', operatorId);
  // Starting again keeps the secret already shown, so a half-scanned code stays valid.
  if (!operator.totp_pending_secret) {
    await ctx.db.updateTable('operators').set({ totp_pending_secret: newTotpSecret() }).where('id', '=', operatorId).execute();
  }
  return (await getTotpEnrolment({ ctx, operatorId }))!;
}

/** The enrolment in progress (what the app scans), or undefined; reading never writes. */
export async function getTotpEnrolment({ ctx, operatorId }: { ctx: ServiceContext; operatorId: string }) {
  const operator = await ctx.db.selectFrom('operators').select(['email', 'totp_pending_secret']).where('id', '=', operatorId).where('removed_at', 'is', null).executeTakeFirst();
  const secret = operator?.totp_pending_secret;
  if (!secret) return undefined;
  const settings = await getPageSettings(ctx.db);
  return { secret, uri: totpUri({ issuer: `${settings.name} console`, account: operator.email, secret }) };
}

export const ConfirmTotpInput = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'must be the 6 digits your app shows') });

/** New recovery codes for an operator (the old ones stop working); returns them in clear once. */
async function replaceRecoveryCodes(db: DbOrTx, operatorId: string, now: Date): Promise<string[]> {
  await db.deleteFrom('recovery_codes').where('operator_id', '=', operatorId).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCodeFrom(randomBytes(10)));
  await db
    .insertInto('recovery_codes')
    .values(codes.map((code) => ({ id: newId(), operator_id: operatorId, code_hash: digest(normalizeRecoveryCode(code)!), used_at: null, created_at: now.toISOString() })))
    .execute();
  return codes;
}

/**
 * Confirms enrolment with a code from the app: the pending secret becomes the operator's
 * second factor and ten recovery codes are made, returned once and stored hashed.
 */
export async function confirmTotpEnrolment({ ctx, operatorId, input }: { ctx: ServiceContext; operatorId: string; input: z.input<typeof ConfirmTotpInput> }) {
  authorize(ctx, 'account.manage');
  const { code } = parseInput(ConfirmTotpInput, input);
  const now = ctx.now();
  return withTransaction(ctx.db, async (trx) => {
    const operator = await trx.selectFrom('operators').select(['id', 'email', 'totp_pending_secret', 'totp_enabled_at']).where('id', '=', operatorId).where('removed_at', 'is', null).executeTakeFirst();
    if (!operator) throw new NotFoundError('Operator', operatorId);
    if (!operator.totp_pending_secret) throw new ValidationError('Start again: scan the new QR code first', { code: 'no enrolment in progress' });
    const step = await verifyTotp({ secret: operator.totp_pending_secret, code, now });
    if (step === undefined) throw new ValidationError('That code is not right; check the time on your phone and try the current code', { code: 'is not right' });
    await trx
      .updateTable('operators')
      .set({ totp_secret: operator.totp_pending_secret, totp_pending_secret: null, totp_enabled_at: now.toISOString(), totp_last_step: step, updated_at: now.toISOString() })
      .where('id', '=', operatorId)
      .execute();
    const recoveryCodes = await replaceRecoveryCodes(trx, operatorId, now);
    await recordAudit(trx, ctx, {
      action: operator.totp_enabled_at ? 'operator.two_factor_replace' : 'operator.two_factor_enable',
      entityType: 'operator',
      entityId: operatorId,
      after: { email: operator.email, recovery_codes: RECOVERY_CODE_COUNT },
    });
    return { recoveryCodes };
  });
}

export const RemoveSecondFactorInput = z.object({ id: Id });

/**
 * Removes an operator's second factor and recovery codes: an admin does it for someone who
 * lost their phone (checked against the role table), or operators for themselves.
 */
export async function removeSecondFactor({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof RemoveSecondFactorInput> }) {
  const { id } = parseInput(RemoveSecondFactorInput, input);
  const self = ctx.actor?.id === id;
  if (!self) authorize(ctx, 'operator.update');
  return withTransaction(ctx.db, async (trx) => {
    if (self && (await getPageSettings(trx)).require_two_factor) {
      throw new ConflictError('Every operator must use a second factor here; set up a new one instead of turning it off', { id: 'second factor required' });
    }
    const operator = await trx.selectFrom('operators').select(['id', 'email', 'totp_enabled_at']).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
    if (!operator) throw new NotFoundError('Operator', id);
    // Nothing to remove: no write and no audit entry.
    if (!operator.totp_enabled_at) return;
    await trx.updateTable('operators').set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', id).execute();
    await trx.deleteFrom('recovery_codes').where('operator_id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'operator.two_factor_remove', entityType: 'operator', entityId: id, before: { email: operator.email, totp_enabled_at: operator.totp_enabled_at } });
  });
}
