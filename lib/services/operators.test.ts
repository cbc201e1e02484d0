import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { parseJson } from '@/lib/services/audit';
import { authenticateApiKey } from '@/lib/services/authenticate-api-key';
import { createApiKey } from '@/lib/services/create-api-key';
import { createComponent } from '@/lib/services/create-component';
import { createOperator } from '@/lib/services/create-operator';
import { ConflictError, ValidationError } from '@/lib/services/errors';
import { endSession, getSessionOperator } from '@/lib/services/get-session-operator';
import { removeOperator } from '@/lib/services/remove-operator';
import { revokeApiKey } from '@/lib/services/revoke-api-key';
import { InvalidCredentialsError, ThrottledError, signIn } from '@/lib/services/sign-in';
import { setComponentStatus } from '@/lib/services/set-component-status';

const PASSWORD = 'correct horse battery staple';

for (const dialect of testDialects()) {
  describe(`operators, sessions and API keys on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    const ctx = () => ({ db: db.kysely, now: clock.now });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
    });
    afterEach(async () => db.drop());

    const admin = () => createOperator({ ctx: ctx(), input: { email: 'Ops@Example.com', name: 'Ops', role: 'admin', password: PASSWORD } });

    it('stores an Argon2id hash, never the password, and keeps emails unique', async () => {
      const operator = await admin();
      expect(operator).not.toHaveProperty('password_hash');
      expect(operator.email).toBe('ops@example.com');
      const row = await db.kysely.selectFrom('operators').select('password_hash').executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
      await expect(admin()).rejects.toBeInstanceOf(ConflictError);
      await expect(
        createOperator({ ctx: ctx(), input: { email: 'x@example.com', name: 'X', role: 'admin', password: 'short' } }),
      ).rejects.toMatchObject({ fields: { password: expect.stringContaining('12') } });
    });

    it('signs in, resolves the session, and signs out', async () => {
      await admin();
      const { token, operator } = await signIn({ ctx: ctx(), input: { email: 'OPS@example.com', password: PASSWORD, ip: '10.0.0.1' } });
      expect(operator.role).toBe('admin');
      const stored = await db.kysely.selectFrom('sessions').select('id').executeTakeFirstOrThrow();
      expect(stored.id).not.toBe(token);
      expect((await getSessionOperator({ ctx: ctx(), token }))?.email).toBe('ops@example.com');
      await endSession({ ctx: ctx(), token });
      expect(await getSessionOperator({ ctx: ctx(), token })).toBeUndefined();
    });

    it('gives one generic error for a wrong password and an unknown account', async () => {
      await admin();
      const wrong = await signIn({ ctx: ctx(), input: { email: 'ops@example.com', password: 'nope' } }).catch((e: unknown) => e);
      const unknown = await signIn({ ctx: ctx(), input: { email: 'who@example.com', password: 'nope' } }).catch((e: unknown) => e);
      expect(wrong).toBeInstanceOf(InvalidCredentialsError);
      expect(unknown).toBeInstanceOf(InvalidCredentialsError);
      expect((wrong as Error).message).toBe((unknown as Error).message);
    });

    it('after 5 failures an unknown browser waits between tries, even with the right password, then gets in', async () => {
      await admin();
      for (let i = 0; i < 5; i++) {
        await expect(signIn({ ctx: ctx(), input: { email: 'ops@example.com', password: `bad-${i}`, ip: `10.0.0.${i}` } })).rejects.toBeInstanceOf(
          InvalidCredentialsError,
        );
      }
      const locked = await signIn({ ctx: ctx(), input: { email: 'ops@example.com', password: PASSWORD } }).catch((e: unknown) => e);
      expect(locked).toBeInstanceOf(ThrottledError);
      expect((locked as ThrottledError).status).toBe(429);
      expect((locked as Error).message).toMatch(/Try again in 1 second\./);
      clock.advance(1);
      await expect(signIn({ ctx: ctx(), input: { email: 'ops@example.com', password: PASSWORD } })).resolves.toHaveProperty('token');
    });

    it('locks an IP address after 20 failures across accounts', async () => {
      for (let i = 0; i < 20; i++) {
        await signIn({ ctx: ctx(), input: { email: `user${i}@example.com`, password: 'x', ip: '192.0.2.9' } }).catch(() => undefined);
      }
      await admin();
      await expect(signIn({ ctx: ctx(), input: { email: 'ops@example.com', password: PASSWORD, ip: '192.0.2.9' } })).rejects.toBeInstanceOf(
        ThrottledError,
      );
      await expect(signIn({ ctx: ctx(), input: { email: 'ops@example.com', password: PASSWORD, ip: '192.0.2.10' } })).resolves.toHaveProperty(
        'token',
      );
    });

    it('expires an idle session and ends every session of a removed operator', async () => {
      const first = await admin();
      await createOperator({ ctx: ctx(), input: { email: 'second@example.com', name: 'Second', role: 'admin', password: PASSWORD } });
      const { token } = await signIn({ ctx: ctx(), input: { email: 'ops@example.com', password: PASSWORD } });
      clock.advance(13 * 60);
      expect(await getSessionOperator({ ctx: ctx(), token })).toBeUndefined();

      const again = await signIn({ ctx: ctx(), input: { email: 'ops@example.com', password: PASSWORD } });
      await removeOperator({ ctx: ctx(), input: { id: first.id } });
      expect(await getSessionOperator({ ctx: ctx(), token: again.token })).toBeUndefined();
      await expect(signIn({ ctx: ctx(), input: { email: 'ops@example.com', password: PASSWORD } })).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
      const last = await db.kysely.selectFrom('operators').select('id').where('email', '=', 'second@example.com').executeTakeFirstOrThrow();
      await expect(removeOperator({ ctx: ctx(), input: { id: last.id } })).rejects.toBeInstanceOf(ConflictError);
    });

    it('stores API keys hashed; revocation is immediate', async () => {
      const operator = await admin();
      const { key, apiKey } = await createApiKey({ ctx: ctx(), input: { name: 'Monitoring', operatorId: operator.id } });
      expect(key).toMatch(/^bk_/);
      const row = await db.kysely.selectFrom('api_keys').selectAll().executeTakeFirstOrThrow();
      expect(row.key_hash).not.toContain(key);
      expect(JSON.stringify(row)).not.toContain(key);
      const actor = await authenticateApiKey({ ctx: ctx(), key });
      expect(actor).toMatchObject({ type: 'api_key', id: apiKey.id, role: 'admin' });
      expect(await authenticateApiKey({ ctx: ctx(), key: `${key}x` })).toBeUndefined();
      await revokeApiKey({ ctx: ctx(), input: { id: apiKey.id } });
      expect(await authenticateApiKey({ ctx: ctx(), key })).toBeUndefined();
      await expect(createApiKey({ ctx: ctx(), input: { name: '', operatorId: operator.id } })).rejects.toBeInstanceOf(ValidationError);
    });

    it('audits changes with who, what before and after, and when', async () => {
      const operator = await admin();
      const actor = { type: 'operator' as const, id: operator.id, name: 'Ops <ops@example.com>', role: 'admin' as const };
      const audited = { ...ctx(), actor };
      const component = await createComponent({ ctx: audited, input: { name: 'VPN' } });
      clock.advance(1);
      await setComponentStatus({ ctx: audited, input: { id: component.id, status: 'major_outage' } });
      const rows = await db.kysely.selectFrom('audit_log').selectAll().where('entity_id', '=', component.id).orderBy('id').execute();
      expect(rows.map((r) => r.action)).toEqual(['component.create', 'component.status']);
      expect(rows[1]).toMatchObject({ actor_type: 'operator', actor_id: operator.id, at: clock.iso() });
      expect(parseJson(rows[1]!.before)).toEqual({ status: 'operational' });
      expect(parseJson(rows[1]!.after)).toEqual({ status: 'major_outage' });
      const secrets = await db.kysely.selectFrom('audit_log').select(['before', 'after']).execute();
      expect(JSON.stringify(secrets)).not.toMatch(/argon2/);
    });
  });
}
