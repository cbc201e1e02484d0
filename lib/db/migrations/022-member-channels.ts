import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/**
 * Issue #16 parts 2–3: who may read a postmortem (everyone, or audiences at a support level and
 * up) and each member's own channel secret (their v2 API token and feed URLs), kept as its
 * SHA-256 like every other token here. No secret: no member API or feeds for that member.
 */
export function memberChannels(dialect: SqlDialectName): Migration {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('incidents').addColumn('postmortem_visibility', 'text', (c) => c.notNull().defaultTo('everyone')).execute();
      await db.schema.alterTable('members').addColumn('channel_token_hash', 'text').execute();
      await db.schema.alterTable('members').addColumn('channel_token_created_at', ts).execute();
      await db.schema.createIndex('members_channel_token_hash').unique().on('members').column('channel_token_hash').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('members_channel_token_hash').execute();
      await db.schema.alterTable('members').dropColumn('channel_token_created_at').execute();
      await db.schema.alterTable('members').dropColumn('channel_token_hash').execute();
      await db.schema.alterTable('incidents').dropColumn('postmortem_visibility').execute();
    },
  };
}
