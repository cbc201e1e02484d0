import { z } from 'zod';
import { ACCOUNT_RULE, IP_RULE, lockout } from '@/lib/domain/login-throttle';
import { verifyAgainstDummy, verifyPassword } from '@/lib/auth/password';
import { digest, newSecret } from '@/lib/auth/tokens';
import type { ServiceContext } from '@/lib/services/context';
import { ServiceError, parseInput } from '@/lib/services/errors';
import type { PublicOperator } from '@/lib/services/create-operator';

export const SESSION_IDLE_MS = 12 * 60 * 60_000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60_000;

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().min(1, 'is required').max(254),
  password: z.string().min(1, 'is required').max(256),
  ip: z.string().max(64).nullish(),
  userAgent: z.string().max(512).nullish(),
});
export type SignInInput = z.input<typeof SignInInput>;

export class InvalidCredentialsError extends ServiceError {
  constructor() {
    super('invalid_credentials', 'The email or password is not right', 401);
  }
}

export class ThrottledError extends ServiceError {
  constructor(readonly retryAfterSeconds: number, scope: 'account' | 'address') {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(
      'throttled',
      `Too many failed sign-ins for this ${scope}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      429,
    );
  }
}

/**
 * Checks an operator's password and opens a session. Failures are counted per account and
 * per IP; a locked key is refused before the password is even checked. One generic error
 * for a wrong email or password. Returns the session token for the cookie (stored hashed).
 */
export async function signIn({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SignInInput;
}): Promise<{ token: string; operator: PublicOperator; expiresAt: string }> {
  const data = parseInput(SignInInput, input);
  const now = ctx.now();
  const since = new Date(now.getTime() - Math.max(ACCOUNT_RULE.windowMs, IP_RULE.windowMs)).toISOString();
  const keys = [`account:${data.email}`, ...(data.ip ? [`ip:${data.ip}`] : [])];
  const failures = await ctx.db
    .selectFrom('login_attempts')
    .select(['key', 'at'])
    .where('key', 'in', keys)
    .where('at', '>', since)
    .execute();
  const times = (key: string) => failures.filter((f) => f.key === key).map((f) => Date.parse(f.at));
  const account = lockout(times(keys[0]!), now.getTime(), ACCOUNT_RULE);
  if (account.locked) throw new ThrottledError(account.retryAfterSeconds, 'account');
  if (data.ip) {
    const address = lockout(times(`ip:${data.ip}`), now.getTime(), IP_RULE);
    if (address.locked) throw new ThrottledError(address.retryAfterSeconds, 'address');
  }

  const operator = await ctx.db
    .selectFrom('operators')
    .selectAll()
    .where('email', '=', data.email)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  const ok = operator ? await verifyPassword(operator.password_hash, data.password) : await verifyAgainstDummy(data.password);
  if (!operator || !ok) {
    await ctx.db
      .insertInto('login_attempts')
      .values(keys.map((key) => ({ key, at: now.toISOString() })))
      .execute();
    throw new InvalidCredentialsError();
  }

  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
  await ctx.db
    .insertInto('sessions')
    .values({
      id: digest(token),
      operator_id: operator.id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ip: data.ip ?? null,
      user_agent: data.userAgent ?? null,
    })
    .execute();
  await ctx.db.deleteFrom('login_attempts').where('key', '=', keys[0]!).execute();
  const { password_hash: _hash, removed_at: _removed, ...visible } = operator;
  return { token, operator: visible, expiresAt };
}
