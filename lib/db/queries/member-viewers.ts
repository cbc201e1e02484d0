import { viewerKey } from '@/lib/domain/alert-viewers';
import type { DbOrTx } from '@/lib/db/transaction';

/** Each given member's viewer key (their audiences now); members of no audience are left out (they see what the public sees). */
export async function memberViewers(db: DbOrTx, memberIds: readonly string[]): Promise<Map<string, string>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db.selectFrom('audience_members').select(['member_id', 'audience_id']).where('member_id', 'in', [...new Set(memberIds)]).execute();
  const byMember = new Map<string, string[]>();
  for (const r of rows) byMember.set(r.member_id, [...(byMember.get(r.member_id) ?? []), r.audience_id]);
  return new Map([...byMember].map(([member, audiences]) => [member, viewerKey(audiences)!]));
}
