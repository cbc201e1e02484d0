import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

interface TokenColumns {
  subscribers: { id: string; token: string; confirm_token: string | null };
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Subscriber tokens were stored as they appear in links; from here on the columns hold only
 * their SHA-256 (hashed in JS: SQLite has no portable SHA-256). Links already in inboxes keep
 * working, since a presented token is looked up by its hash; new links are derived from a
 * server key (lib/notify/links.ts) and never stored.
 */
export function hashedTokens(): Migration {
  return {
    async up(untyped: Kysely<unknown>) {
      const db = untyped as Kysely<TokenColumns>;
      let after = '';
      for (;;) {
        const rows = await db.selectFrom('subscribers').select(['id', 'token', 'confirm_token']).where('id', '>', after).orderBy('id').limit(500).execute();
        if (rows.length === 0) break;
        for (const row of rows) {
          await db
            .updateTable('subscribers')
            .set({ token: sha256(row.token), confirm_token: row.confirm_token === null ? null : sha256(row.confirm_token) })
            .where('id', '=', row.id)
            .execute();
        }
        after = rows[rows.length - 1]!.id;
      }
    },
  };
}
