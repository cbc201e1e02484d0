import { z } from 'zod';
import { loginCharges, refusal, retryPhrase, type LoginCharge, type LoginCounter } from '@/lib/domain/login-throttle';
import { addressKey, verdictFor, windowEndsAt, withAttempt, withoutAttempt, type Verdict, type Window } from '@/lib/domain/throttle';
import { verifyAgainstDummy, verifyPassword } from '@/lib/auth/password';
import { digest, newSecret } from '@/lib/auth/tokens';
import { openSession, type OpenedSession } from '@/lib/services/open-session';
import { deleteLimits, readLimits, updateLimit } from '@/lib/db/queries/rate-limits';
import type { DbOrTx } from '@/lib/db/transaction';
import type { ServiceContext } from '@/lib/services/context';
import { ServiceError, parseInput } from '@/lib/services/errors';
import { isKnownDevice } from '@/lib/services/known-devices';

export { SESSION_IDLE_MS, SESSION_MAX_MS } from '@/lib/services/open-session';

/** How long a sign-in whose password was right waits for its second factor. */
export const CHALLENGE_MS = 5 * 60_000;

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().min(1, 'is required').max(254),
  password: z.string().min(1, 'is required').max(256),
  /** The client address server.ts resolved (see lib/http/client-address.ts). */
  ip: z.string().max(64).nullish(),
  userAgent: z.string().max(512).nullish(),
  /** This browser's known-device cookie, if it has one. */
  deviceToken: z.string().regex(/^[\w-]{20,128}$/).nullish().catch(null),
});
export type SignInInput = z.input<typeof SignInInput>;

export class InvalidCredentialsError extends ServiceError {
  constructor() {
    super('invalid_credentials', 'The email or password is not right', 401);
  }
}

const SCOPES: Record<LoginCounter, string> = {
  account: 'this account',
  pair: 'this account from your address',
  address: 'your address',
  device: 'this browser',
};

export class ThrottledError extends ServiceError {
  constructor(readonly retryAfterSeconds: number, readonly scope: LoginCounter) {
    super('throttled', `Too many failed sign-ins for ${SCOPES[scope]}. Try again in ${retryPhrase(retryAfterSeconds)}.`, 429);
  }
}

/**
 * The password was right and the operator uses a second factor: the edge keeps `challengeToken`
 * (a cookie) and asks for the code, which completeSignIn checks. Not a failure the user caused.
 */
export class SecondFactorRequiredError extends ServiceError {
  constructor(readonly challengeToken: string, readonly expiresAt: string) {
    super('second_factor_required', 'Enter the code from your authenticator app', 401);
  }
}

const BUSY: Verdict = { allowed: false, retryAfterSeconds: 1 };

/** Charges one attempt to a counter, re-checking its limit atomically; refused attempts write nothing. */
function charge(db: DbOrTx, key: string, { limit, enforce }: LoginCharge, now: number): Promise<Verdict> {
  return updateLimit<Window, Verdict>(
    db,
    key,
    now,
    (state) => {
      const verdict = enforce ? verdictFor(state, limit, now) : ({ allowed: true } as const);
      if (!verdict.allowed) return { result: verdict };
      const next = withAttempt(state, limit, now);
      return { result: verdict, write: { state: next, expiresAt: windowEndsAt(next, limit) } };
    },
    BUSY,
  );
}

/** Gives an attempt back (it was not a failure). */
function refund(db: DbOrTx, key: string, { limit }: LoginCharge, now: number): Promise<void> {
  return updateLimit<Window, void>(
    db,
    key,
    now,
    (state) => {
      const next = withoutAttempt(state, limit, now);
      return { result: undefined, write: next && { state: next, expiresAt: windowEndsAt(next, limit) } };
    },
    undefined,
  );
}

/**
 * Checks an operator's password and opens a session. Every attempt is charged, before the
 * password is checked, to the account (progressive delay), the account at this address, the
 * address, and the browser when it signed in to this account before; a known browser answers
 * only to its own limit, so an attacker's failures never keep it out. Counters are shared by
 * every instance (the database). One generic error for a wrong email or password. Returns the
 * session token and the known-device token for the cookies (both stored hashed).
 */
export async function signIn({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SignInInput;
}): Promise<OpenedSession> {
  const data = parseInput(SignInInput, input);
  const nowDate = ctx.now();
  const now = nowDate.getTime();
  const operator = await ctx.db
    .selectFrom('operators')
    .selectAll()
    .where('email', '=', data.email)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  const knownDevice = !!operator && !!data.deviceToken && (await isKnownDevice(ctx.db, data.deviceToken, operator.id));

  const address = addressKey(data.ip || 'unknown');
  const keys: Record<LoginCounter, string> = {
    account: `login:account:${digest(data.email)}`,
    pair: `login:pair:${digest(`${data.email}|${address}`)}`,
    address: `login:address:${address}`,
    device: `login:device:${digest(`${data.deviceToken ?? ''}|${operator?.id ?? ''}`)}`,
  };
  const stored = await readLimits<Window>(ctx.db, Object.values(keys), now);
  const windows = Object.fromEntries(Object.entries(keys).map(([counter, key]) => [counter, stored.get(key)?.state]));
  const charges = loginCharges({ knownDevice, deviceWindow: windows.device, now });
  const refused = refusal(charges, windows, now);
  if (refused) throw new ThrottledError(refused.verdict.retryAfterSeconds, refused.counter);

  const charged: LoginCharge[] = [];
  for (const c of charges) {
    const verdict = await charge(ctx.db, keys[c.counter], c, now);
    if (!verdict.allowed) {
      // Another attempt took the last try meanwhile: give back what this one took.
      for (const done of charged) await refund(ctx.db, keys[done.counter], done, now);
      throw new ThrottledError(verdict.retryAfterSeconds, c.counter);
    }
    charged.push(c);
  }

  const ok = operator ? await verifyPassword(operator.password_hash, data.password) : await verifyAgainstDummy(data.password);
  if (!operator || !ok) throw new InvalidCredentialsError();

  // Not a failure: the account and the address get their try back; this pair and device start afresh.
  for (const c of charged) {
    if (c.counter === 'account' || c.counter === 'address') await refund(ctx.db, keys[c.counter], c, now);
  }
  await deleteLimits(ctx.db, [keys.pair, keys.device]);

  if (operator.totp_secret) {
    const challengeToken = newSecret();
    const expiresAt = new Date(now + CHALLENGE_MS).toISOString();
    await ctx.db
      .insertInto('sign_in_challenges')
      .values({
        id: digest(challengeToken),
        operator_id: operator.id,
        attempts: 0,
        ip: data.ip ?? null,
        user_agent: data.userAgent ?? null,
        created_at: nowDate.toISOString(),
        expires_at: expiresAt,
      })
      .execute();
    throw new SecondFactorRequiredError(challengeToken, expiresAt);
  }
  return openSession(ctx.db, operator, { now: nowDate, ip: data.ip, userAgent: data.userAgent, deviceToken: data.deviceToken });
}
