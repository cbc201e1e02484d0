import { digest, newSecret } from '@/lib/auth/tokens';
import type { OperatorRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';
import { toPublicOperator, type PublicOperator } from '@/lib/services/create-operator';
import { rememberDevice } from '@/lib/services/known-devices';

export const SESSION_IDLE_MS = 12 * 60 * 60_000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60_000;

export interface OpenedSession {
  token: string;
  operator: PublicOperator;
  expiresAt: string;
  deviceToken: string;
}

/**
 * The end of every sign-in (password alone, or password then second factor): stores the new
 * session hashed, remembers this browser, and notes the sign-in time on the operator.
 */
export async function openSession(
  db: DbOrTx,
  operator: OperatorRow,
  at: { now: Date; ip?: string | null; userAgent?: string | null; deviceToken?: string | null },
): Promise<OpenedSession> {
  const token = newSecret();
  const nowIso = at.now.toISOString();
  const expiresAt = new Date(at.now.getTime() + SESSION_IDLE_MS).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: digest(token),
      operator_id: operator.id,
      created_at: nowIso,
      last_seen_at: nowIso,
      expires_at: expiresAt,
      ip: at.ip ?? null,
      user_agent: at.userAgent ?? null,
    })
    .execute();
  await db.updateTable('operators').set({ last_sign_in_at: nowIso }).where('id', '=', operator.id).execute();
  const deviceToken = await rememberDevice(db, at.deviceToken ?? newSecret(), operator.id, at.now);
  return { token, operator: toPublicOperator({ ...operator, last_sign_in_at: nowIso }), expiresAt, deviceToken };
}
