import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { testClock } from '@/lib/db/testing/clock';
import { createOperator } from '@/lib/services/create-operator';
import { InvalidCredentialsError, ThrottledError, signIn } from '@/lib/services/sign-in';

for (const dialect of testDialects()) {
  describe(`login throttling under 1,000 attempts on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    const clock = testClock();
    const ctx = () => ({ db: db.kysely, now: clock.now });

    beforeAll(async () => {
      db = await createTestDb(dialect);
      await createOperator({ ctx: ctx(), input: { email: 'noc@example.com', name: 'NOC', role: 'admin', password: 'the real password 1' } });
    });
    afterAll(async () => db.drop());

    it('a password-guessing run from 1,000 addresses gets 5 tries, then only refusals', async () => {
      const outcomes = { invalid: 0, throttled: 0, other: 0 };
      for (let i = 0; i < 1_000; i++) {
        const guess = signIn({ ctx: ctx(), input: { email: 'noc@example.com', password: `guess-${i}`, ip: `198.51.${i >> 8}.${i & 255}` } });
        const error = await guess.catch((e: unknown) => e);
        if (error instanceof InvalidCredentialsError) outcomes.invalid++;
        else if (error instanceof ThrottledError) outcomes.throttled++;
        else outcomes.other++;
      }
      console.log(`[throttle] 1,000 guesses at one account: ${JSON.stringify(outcomes)}`);
      expect(outcomes).toEqual({ invalid: 5, throttled: 995, other: 0 });
      // The right password is refused too while locked: the lock is on the account, not the guess.
      await expect(signIn({ ctx: ctx(), input: { email: 'noc@example.com', password: 'the real password 1', ip: '203.0.113.1' } })).rejects.toBeInstanceOf(
        ThrottledError,
      );
    });

    it('one address spraying 1,000 accounts is stopped after 20 failures', async () => {
      const outcomes = { invalid: 0, throttled: 0 };
      for (let i = 0; i < 1_000; i++) {
        const error = await signIn({ ctx: ctx(), input: { email: `user${i}@example.com`, password: 'Winter2026!', ip: '192.0.2.66' } }).catch((e: unknown) => e);
        if (error instanceof ThrottledError) outcomes.throttled++;
        else if (error instanceof InvalidCredentialsError) outcomes.invalid++;
      }
      console.log(`[throttle] 1,000 accounts from one address: ${JSON.stringify(outcomes)}`);
      expect(outcomes).toEqual({ invalid: 20, throttled: 980 });
    });
  });
}
