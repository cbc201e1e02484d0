import type { DbOrTx } from '@/lib/db/transaction';

/** The member whose channel secret has this SHA-256, or undefined. */
export async function memberByChannelHash(db: DbOrTx, hash: string): Promise<{ id: string; email: string } | undefined> {
  return db.selectFrom('members').select(['id', 'email']).where('channel_token_hash', '=', hash).executeTakeFirst();
}

/** When the member's current channel secret was made; null when they have none. */
export async function channelTokenCreatedAt(db: DbOrTx, memberId: string): Promise<string | null> {
  const row = await db.selectFrom('members').select('channel_token_created_at').where('id', '=', memberId).executeTakeFirst();
  return row?.channel_token_created_at ?? null;
}

/** Replaces the member's channel secret (its hash); false when the member is gone. */
export async function setChannelTokenHash(db: DbOrTx, memberId: string, hash: string, at: string): Promise<boolean> {
  const result = await db.updateTable('members').set({ channel_token_hash: hash, channel_token_created_at: at }).where('id', '=', memberId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
