import { generate } from 'otplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { parseJson } from '@/lib/services/audit';
import { changeOperatorRole } from '@/lib/services/change-operator-role';
import { completeSignIn, ChallengeExpiredError } from '@/lib/services/complete-sign-in';
import type { Actor, ServiceContext } from '@/lib/services/context';
import { createOperator, type PublicOperator } from '@/lib/services/create-operator';
import { confirmTotpEnrolment, removeSecondFactor, startTotpEnrolment } from '@/lib/services/enrol-second-factor';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/services/errors';
import { endAllSessions, getSessionOperator } from '@/lib/services/get-session-operator';
import { listSessions } from '@/lib/services/list-sessions';
import { resetPassword, ResetLinkInvalidError } from '@/lib/services/reset-password';
import { sendPasswordReset } from '@/lib/services/send-password-reset';
import { SecondFactorRequiredError, signIn } from '@/lib/services/sign-in';
import { setTwoFactorPolicy } from '@/lib/services/set-two-factor-policy';

const PASSWORD = 'correct horse battery staple';
const actorOf = (o: PublicOperator): Actor => ({ type: 'operator', id: o.id, name: `${o.name} <${o.email}>`, role: o.role });
const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

for (const dialect of testDialects()) {
  describe(`safe sign-in on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    const ctx = (actor?: Actor): ServiceContext => ({ db: db.kysely, now: clock.now, actor });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
    });
    afterEach(async () => db.drop());

    const make = (email: string, role: 'admin' | 'responder') => createOperator({ ctx: ctx(), input: { email, name: email.split('@')[0]!, role, password: PASSWORD } });

    /** Enrols TOTP for an operator and returns the secret and the recovery codes shown once. */
    async function enrol(operator: PublicOperator) {
      const { secret, uri } = await startTotpEnrolment({ ctx: ctx(actorOf(operator)), operatorId: operator.id });
      expect(uri).toMatch(/^otpauth:\/\/totp\//);
      expect(uri).toContain(`secret=${secret}`);
      const { recoveryCodes } = await confirmTotpEnrolment({ ctx: ctx(actorOf(operator)), operatorId: operator.id, input: { code: await codeAt(secret, clock.now()) } });
      return { secret, recoveryCodes };
    }

    /** Signs in with the password and returns the challenge token the second step needs. */
    async function challenge(email: string): Promise<string> {
      const error = await signIn({ ctx: ctx(), input: { email, password: PASSWORD } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SecondFactorRequiredError);
      return (error as SecondFactorRequiredError).challengeToken;
    }

    it('enrols TOTP, then a password alone opens no session; the current code does, once', async () => {
      const ops = await make('ops@example.com', 'admin');
      const { secret, recoveryCodes } = await enrol(ops);
      expect(recoveryCodes).toHaveLength(10);
      const stored = await db.kysely.selectFrom('recovery_codes').select('code_hash').execute();
      expect(stored.map((r) => r.code_hash)).not.toContain(recoveryCodes[0]);

      clock.advance(1);
      const token = await challenge('ops@example.com');
      expect(await db.kysely.selectFrom('sessions').select('id').execute()).toHaveLength(0);
      const code = await codeAt(secret, clock.now());
      const session = await completeSignIn({ ctx: ctx(), input: { challengeToken: token, code } });
      expect((await getSessionOperator({ ctx: ctx(), token: session.token }))?.email).toBe('ops@example.com');
      expect(session.operator.last_sign_in_at).toBe(clock.iso());
      expect(session.operator).not.toHaveProperty('totp_secret');

      // The same code again (a replay within its 30 s) is refused.
      const again = await challenge('ops@example.com');
      await expect(completeSignIn({ ctx: ctx(), input: { challengeToken: again, code } })).rejects.toBeInstanceOf(ValidationError);
    });

    it('accepts a code one step old or ahead, not two', async () => {
      const ops = await make('ops@example.com', 'admin');
      const { secret } = await enrol(ops);
      clock.advance(10);
      const now = clock.now();
      const previous = await codeAt(secret, new Date(now.getTime() - 30_000));
      const twoBack = await codeAt(secret, new Date(now.getTime() - 60_000));
      const next = await codeAt(secret, new Date(now.getTime() + 30_000));
      const token = await challenge('ops@example.com');
      if (twoBack !== previous) {
        await expect(completeSignIn({ ctx: ctx(), input: { challengeToken: token, code: twoBack } })).rejects.toMatchObject({ fields: { code: 'is not right' } });
      }
      await expect(completeSignIn({ ctx: ctx(), input: { challengeToken: token, code: previous } })).resolves.toHaveProperty('token');
      const token2 = await challenge('ops@example.com');
      await expect(completeSignIn({ ctx: ctx(), input: { challengeToken: token2, code: next } })).resolves.toHaveProperty('token');
    });

    it('takes each recovery code once, however it is typed, and audits its use', async () => {
      const ops = await make('ops@example.com', 'admin');
      const { recoveryCodes } = await enrol(ops);
      const typed = recoveryCodes[3]!.toLowerCase().replace('-', ' ');
      const first = await completeSignIn({ ctx: ctx(), input: { challengeToken: await challenge('ops@example.com'), code: typed } });
      expect(first.usedRecoveryCode).toBe(true);
      await expect(completeSignIn({ ctx: ctx(), input: { challengeToken: await challenge('ops@example.com'), code: recoveryCodes[3]! } })).rejects.toBeInstanceOf(ValidationError);
      const audit = await db.kysely.selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'operator.recovery_code_used').executeTakeFirstOrThrow();
      expect(parseJson(audit.after)).toEqual({ recovery_codes_left: 9 });
    });

    it('ends a sign-in after five wrong codes and after five minutes', async () => {
      const ops = await make('ops@example.com', 'admin');
      const { secret } = await enrol(ops);
      const token = await challenge('ops@example.com');
      for (let i = 0; i < 5; i++) await expect(completeSignIn({ ctx: ctx(), input: { challengeToken: token, code: '000000' } })).rejects.toBeInstanceOf(ValidationError);
      await expect(completeSignIn({ ctx: ctx(), input: { challengeToken: token, code: await codeAt(secret, clock.now()) } })).rejects.toBeInstanceOf(ChallengeExpiredError);
      const late = await challenge('ops@example.com');
      clock.advance(6);
      await expect(completeSignIn({ ctx: ctx(), input: { challengeToken: late, code: await codeAt(secret, clock.now()) } })).rejects.toBeInstanceOf(ChallengeExpiredError);
    });

    it('refuses a wrong enrolment code and keeps the operator without a second factor', async () => {
      const ops = await make('ops@example.com', 'admin');
      await startTotpEnrolment({ ctx: ctx(actorOf(ops)), operatorId: ops.id });
      await expect(confirmTotpEnrolment({ ctx: ctx(actorOf(ops)), operatorId: ops.id, input: { code: '12345' } })).rejects.toMatchObject({ fields: { code: expect.stringContaining('6 digits') } });
      const row = await db.kysely.selectFrom('operators').select(['totp_secret', 'totp_enabled_at']).executeTakeFirstOrThrow();
      expect(row).toEqual({ totp_secret: null, totp_enabled_at: null });
      await expect(signIn({ ctx: ctx(), input: { email: 'ops@example.com', password: PASSWORD } })).resolves.toHaveProperty('token');
    });

    it('lets an admin remove a lost second factor, but not a responder', async () => {
      const admin = await make('ops@example.com', 'admin');
      const responder = await make('noc@example.com', 'responder');
      await enrol(admin);
      await expect(removeSecondFactor({ ctx: ctx(actorOf(responder)), input: { id: admin.id } })).rejects.toBeInstanceOf(ForbiddenError);
      await removeSecondFactor({ ctx: ctx(actorOf(admin)), input: { id: admin.id } });
      await expect(signIn({ ctx: ctx(), input: { email: 'ops@example.com', password: PASSWORD } })).resolves.toHaveProperty('token');
    });

    it('changes roles only for admins, audited, and never demotes the last admin', async () => {
      const admin = await make('ops@example.com', 'admin');
      const responder = await make('noc@example.com', 'responder');
      await expect(changeOperatorRole({ ctx: ctx(actorOf(responder)), input: { id: responder.id, role: 'admin' } })).rejects.toBeInstanceOf(ForbiddenError);
      expect((await db.kysely.selectFrom('operators').select('role').where('id', '=', responder.id).executeTakeFirstOrThrow()).role).toBe('responder');
      await expect(changeOperatorRole({ ctx: ctx(actorOf(admin)), input: { id: admin.id, role: 'responder' } })).rejects.toBeInstanceOf(ConflictError);

      await changeOperatorRole({ ctx: ctx(actorOf(admin)), input: { id: responder.id, role: 'admin' } });
      const audit = await db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'operator.role').executeTakeFirstOrThrow();
      expect(parseJson(audit.before)).toMatchObject({ role: 'responder' });
      expect(parseJson(audit.after)).toMatchObject({ role: 'admin' });
      // With two admins, one may step down.
      await expect(changeOperatorRole({ ctx: ctx(actorOf(admin)), input: { id: admin.id, role: 'responder' } })).resolves.toMatchObject({ role: 'responder' });
    });

    it('sends a reset link by mail that works once, ends old sessions, and expires after 30 minutes', async () => {
      const admin = await make('ops@example.com', 'admin');
      const responder = await make('noc@example.com', 'responder');
      const old = await signIn({ ctx: ctx(), input: { email: 'noc@example.com', password: PASSWORD } });
      await expect(sendPasswordReset({ ctx: ctx(actorOf(responder)), input: { id: admin.id } })).rejects.toBeInstanceOf(ForbiddenError);

      const { link } = await sendPasswordReset({ ctx: ctx(actorOf(admin)), input: { id: responder.id } });
      const mail = await db.kysely.selectFrom('dev_mailbox').selectAll().where('to', '=', 'noc@example.com').executeTakeFirstOrThrow();
      expect(mail.text).toContain(link);
      const token = link.split('/').at(-1)!;
      expect(await db.kysely.selectFrom('password_resets').select('id').where('id', '=', token).execute()).toHaveLength(0);

      await expect(resetPassword({ ctx: ctx(), input: { token, password: 'short' } })).rejects.toMatchObject({ fields: { password: expect.stringContaining('12') } });
      await resetPassword({ ctx: ctx(), input: { token, password: 'a brand new passphrase' } });
      expect(await getSessionOperator({ ctx: ctx(), token: old.token })).toBeUndefined();
      await expect(signIn({ ctx: ctx(), input: { email: 'noc@example.com', password: 'a brand new passphrase' } })).resolves.toHaveProperty('token');
      await expect(resetPassword({ ctx: ctx(), input: { token, password: 'another new passphrase' } })).rejects.toBeInstanceOf(ResetLinkInvalidError);

      const second = await sendPasswordReset({ ctx: ctx(actorOf(admin)), input: { id: responder.id } });
      clock.advance(31);
      await expect(resetPassword({ ctx: ctx(), input: { token: second.link.split('/').at(-1)!, password: 'another new passphrase' } })).rejects.toBeInstanceOf(ResetLinkInvalidError);
    });

    it('a newer reset link retires the older one', async () => {
      const admin = await make('ops@example.com', 'admin');
      const responder = await make('noc@example.com', 'responder');
      const first = await sendPasswordReset({ ctx: ctx(actorOf(admin)), input: { id: responder.id } });
      await sendPasswordReset({ ctx: ctx(actorOf(admin)), input: { id: responder.id } });
      await expect(resetPassword({ ctx: ctx(), input: { token: first.link.split('/').at(-1)!, password: 'a brand new passphrase' } })).rejects.toBeInstanceOf(ResetLinkInvalidError);
    });

    it('lets only admins require a second factor; saving the same choice writes nothing', async () => {
      const admin = await make('ops@example.com', 'admin');
      const responder = await make('noc@example.com', 'responder');
      await expect(setTwoFactorPolicy({ ctx: ctx(actorOf(responder)), input: { required: true } })).rejects.toBeInstanceOf(ForbiddenError);
      await setTwoFactorPolicy({ ctx: ctx(actorOf(admin)), input: { required: true } });
      await setTwoFactorPolicy({ ctx: ctx(actorOf(admin)), input: { required: true } });
      expect((await db.kysely.selectFrom('page_settings').select('require_two_factor').executeTakeFirstOrThrow()).require_two_factor).toBe(true);
      expect(await db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'settings.two_factor_policy').execute()).toHaveLength(1);
      // Required: operators cannot turn their own second factor off.
      await enrol(admin);
      await expect(removeSecondFactor({ ctx: ctx(actorOf(admin)), input: { id: admin.id } })).rejects.toBeInstanceOf(ConflictError);
    });

    it('lists sessions with the current one marked, and signs out everywhere', async () => {
      await make('ops@example.com', 'admin');
      const a = await signIn({ ctx: ctx(), input: { email: 'ops@example.com', password: PASSWORD, userAgent: 'Firefox' } });
      clock.advance(1);
      const b = await signIn({ ctx: ctx(), input: { email: 'ops@example.com', password: PASSWORD, userAgent: 'Chromium' } });
      const sessions = await listSessions({ ctx: ctx(), operatorId: a.operator.id, currentToken: a.token });
      expect(sessions.map((s) => [s.user_agent, s.current])).toEqual([
        ['Chromium', false],
        ['Firefox', true],
      ]);
      expect(await endAllSessions({ ctx: ctx(), operatorId: a.operator.id })).toBe(2);
      expect(await getSessionOperator({ ctx: ctx(), token: b.token })).toBeUndefined();
    });
  });
}
