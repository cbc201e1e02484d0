import type { DbOrTx } from '@/lib/db/transaction';

/** A member's email alerts as their channels page shows them. */
export interface MemberAlerts {
  /** Whether alerts go to the member's address (an active subscription that is theirs). */
  on: boolean;
  /** Every component, or the ones they chose on the public subscribe page. */
  allComponents: boolean;
}

/** The member's own email subscription, if they have one. */
export async function getMemberAlerts(db: DbOrTx, memberId: string): Promise<MemberAlerts> {
  const row = await db
    .selectFrom('subscribers')
    .select(['state', 'all_components'])
    .where('member_id', '=', memberId)
    .where('kind', '=', 'email')
    .executeTakeFirst();
  return { on: row?.state === 'active', allComponents: row?.all_components ?? true };
}

/** One of a member's subscriptions as their channels page lists it. */
export interface MemberSubscription {
  id: string;
  kind: 'email' | 'webhook';
  chatPlatform: string | null;
  /** The address or URL it goes to. */
  target: string;
  state: 'pending' | 'active' | 'disabled' | 'unsubscribed';
}

/** The member's subscriptions that have not ended, oldest first. */
export async function listMemberSubscriptions(db: DbOrTx, memberId: string): Promise<MemberSubscription[]> {
  const rows = await db
    .selectFrom('subscribers')
    .select(['id', 'kind', 'chat_platform', 'email', 'url', 'state'])
    .where('member_id', '=', memberId)
    .where('state', '!=', 'unsubscribed')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, chatPlatform: r.chat_platform, target: (r.kind === 'email' ? r.email : r.url) ?? '', state: r.state }));
}
