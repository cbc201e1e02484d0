import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Issue #16 part 3: alerts that follow visibility. A subscription can belong to a member
 * (`subscribers.member_id`; a removed member's subscription ends with them). An alert whose
 * content differs for some audiences is recorded once per such viewer: `alert_events.viewer` is
 * the viewer's key (its audience ids, sorted, comma-joined; null for the public event) and the
 * public event lists in `other_viewers` (JSON) the keys that got their own, so nobody gets both.
 */
export function memberSubscriptions(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('subscribers').addColumn('member_id', 'text', (c) => c.references('members.id').onDelete('set null')).execute();
      await db.schema.createIndex('subscribers_member').on('subscribers').column('member_id').execute();
      await db.schema.alterTable('alert_events').addColumn('viewer', 'text').execute();
      await db.schema.alterTable('alert_events').addColumn('other_viewers', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('alert_events').dropColumn('other_viewers').execute();
      await db.schema.alterTable('alert_events').dropColumn('viewer').execute();
      await db.schema.dropIndex('subscribers_member').execute();
      await db.schema.alterTable('subscribers').dropColumn('member_id').execute();
    },
  };
}
