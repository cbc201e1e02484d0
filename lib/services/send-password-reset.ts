import { z } from 'zod';
import { digest, newSecret } from '@/lib/auth/tokens';
import { newId } from '@/lib/db/ids';
import { withTransaction } from '@/lib/db/transaction';
import { publicUrl } from '@/lib/env';
import { mailFrom, mailHost, sendEmail } from '@/lib/notify/email';
import { renderPasswordResetEmail } from '@/lib/notify/operator-email';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { Id } from '@/lib/services/schemas';

/** A reset link works once, for this long. */
export const PASSWORD_RESET_MS = 30 * 60_000;

export const SendPasswordResetInput = z.object({ id: Id });

/**
 * An admin sends an operator a one-time link to set a new password, through the same mail
 * path as every other message (SMTP, or the dev mailbox). Earlier unused links stop working.
 * The token is stored hashed; the link is returned only for tests and scripts.
 */
export async function sendPasswordReset({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof SendPasswordResetInput> }) {
  authorize(ctx, 'operator.update');
  const { id } = parseInput(SendPasswordResetInput, input);
  const now = ctx.now();
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_MS).toISOString();
  const operator = await withTransaction(ctx.db, async (trx) => {
    const row = await trx.selectFrom('operators').select(['id', 'email', 'name']).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
    if (!row) throw new NotFoundError('Operator', id);
    await trx.updateTable('password_resets').set({ used_at: now.toISOString() }).where('operator_id', '=', id).where('used_at', 'is', null).execute();
    await trx
      .insertInto('password_resets')
      .values({ id: digest(token), operator_id: id, created_by: ctx.actor?.name ?? null, created_at: now.toISOString(), expires_at: expiresAt, used_at: null })
      .execute();
    await recordAudit(trx, ctx, { action: 'operator.password_reset_sent', entityType: 'operator', entityId: id, after: { email: row.email, expires_at: expiresAt } });
    return row;
  });
  const settings = await getPageSettings(ctx.db);
  const link = `${publicUrl()}/admin/reset-password/${token}`;
  const message = renderPasswordResetEmail({
    pageName: settings.name,
    operatorName: operator.name,
    link,
    validMinutes: PASSWORD_RESET_MS / 60_000,
    requestedBy: ctx.actor?.name.replace(/\s*<.*>$/, '') ?? 'An admin',
    messageId: `<reset-${newId()}@${mailHost()}>`,
  });
  await sendEmail(ctx.db, { ...message, to: operator.email, from: mailFrom(settings.name) }, now);
  return { email: operator.email, expiresAt, link };
}
