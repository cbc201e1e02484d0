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
