import { digest } from '@/lib/auth/tokens';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import type { ServiceContext } from '@/lib/services/context';
import type { PublicOperator } from '@/lib/services/create-operator';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '@/lib/services/sign-in';

/**
 * The operator a session token belongs to, or undefined when the session is unknown, expired
 * (12 h idle, 7 days at most) or its operator was removed. Slides the idle expiry forward.
 */
export async function getSessionOperator({
  ctx,
  token,
}: {
  ctx: ServiceContext;
  token: string | undefined;
}): Promise<PublicOperator | undefined> {
  if (!token || token.length > 200) return undefined;
  const now = ctx.now();
  const id = digest(token);
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('operators', 'operators.id', 'sessions.operator_id')
    .select([
      'sessions.created_at as session_created_at',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'operators.id',
      'operators.email',
      'operators.name',
      'operators.role',
      'operators.created_at',
      'operators.updated_at',
      'operators.totp_enabled_at',
      'operators.last_sign_in_at',
    ])
    .where('sessions.id', '=', id)
    .where('operators.removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const hardLimit = Date.parse(row.session_created_at) + SESSION_MAX_MS;
  if (Date.parse(row.expires_at) <= now.getTime() || hardLimit <= now.getTime()) {
    await ctx.db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  // Touch at most once a minute, so reading pages does not write on every request.
  if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
    const expires = Math.min(now.getTime() + SESSION_IDLE_MS, hardLimit);
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: new Date(expires).toISOString() })
      .where('id', '=', id)
      .execute();
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    created_at: row.created_at,
    updated_at: row.updated_at,
    totp_enabled_at: row.totp_enabled_at,
    last_sign_in_at: row.last_sign_in_at,
  };
}

/** Ends every session of an operator ("sign out everywhere"), audited; returns how many ended. */
export async function endAllSessions({ ctx, operatorId }: { ctx: ServiceContext; operatorId: string }): Promise<number> {
  return withTransaction(ctx.db, async (trx) => {
    const result = await trx.deleteFrom('sessions').where('operator_id', '=', operatorId).executeTakeFirst();
    const ended = Number(result.numDeletedRows);
    await recordAudit(trx, ctx, { action: 'operator.sign_out_everywhere', entityType: 'operator', entityId: operatorId, after: { sessions_ended: ended } });
    return ended;
  });
}

/** Ends one session (sign out). */
export async function endSession({ ctx, token }: { ctx: ServiceContext; token: string | undefined }): Promise<void> {
  if (!token) return;
  await ctx.db.deleteFrom('sessions').where('id', '=', digest(token)).execute();
}
