import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/**
 * Safe sign-in: an operator's TOTP second factor (the secret, the last time step used, so a
 * code works once), their recovery codes (hashed, single use), the half-done sign-ins waiting
 * for a code, one-time password-reset links (hashed), the last sign-in, and the page-wide
 * "every operator needs a second factor" switch.
 */
export function operatorSecurity(dialect: SqlDialectName): Migration {
  const pg = dialect === 'postgres';
  const ts = pg ? 'timestamptz' : 'text';
  const bool = pg ? 'boolean' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('operators').addColumn('totp_secret', 'text').execute();
      await db.schema.alterTable('operators').addColumn('totp_pending_secret', 'text').execute();
      await db.schema.alterTable('operators').addColumn('totp_enabled_at', ts).execute();
      await db.schema.alterTable('operators').addColumn('totp_last_step', 'integer').execute();
      await db.schema.alterTable('operators').addColumn('last_sign_in_at', ts).execute();
      await db.schema
        .alterTable('page_settings')
        .addColumn('require_two_factor', bool, (c) => c.notNull().defaultTo(pg ? false : 0))
        .execute();

      await db.schema
        .createTable('recovery_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('operator_id', 'text', (c) => c.notNull().references('operators.id').onDelete('cascade'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('used_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('recovery_codes_operator').on('recovery_codes').column('operator_id').execute();

      await db.schema
        .createTable('sign_in_challenges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('operator_id', 'text', (c) => c.notNull().references('operators.id').onDelete('cascade'))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('expires_at', ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('password_resets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('operator_id', 'text', (c) => c.notNull().references('operators.id').onDelete('cascade'))
        .addColumn('created_by', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('expires_at', ts, (c) => c.notNull())
        .addColumn('used_at', ts)
        .execute();
      await db.schema.createIndex('password_resets_operator').on('password_resets').column('operator_id').execute();
    },
  };
}
