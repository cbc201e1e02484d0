import { digest } from '@/lib/auth/tokens';
import type { SupportLevel } from '@/lib/domain/support-levels';
import type { DbOrTx } from '@/lib/db/transaction';
import { memberByChannelHash } from '@/lib/db/queries/member-channels';

/** Who a signed-in member is and which audiences' private data they may see. */
export interface MemberViewer {
  memberId: string;
  email: string;
  audiences: { id: string; name: string; supportLevel: SupportLevel }[];
}

/**
 * The member behind a session cookie, or undefined: unknown or expired session, removed member,
 * or a member of no audience any more (who sees only what everyone sees).
 */
export async function getMemberViewer(db: DbOrTx, token: string | undefined, now: Date): Promise<MemberViewer | undefined> {
  if (!token || token.length > 200) return undefined;
  const session = await db
    .selectFrom('member_sessions')
    .innerJoin('members', 'members.id', 'member_sessions.member_id')
    .select(['members.id as memberId', 'members.email', 'member_sessions.expires_at'])
    .where('member_sessions.id', '=', digest(token))
    .executeTakeFirst();
  if (!session || session.expires_at <= now.toISOString()) return undefined;
  return viewerOf(db, { id: session.memberId, email: session.email });
}

/**
 * The member behind a channel secret (their v2 API token, the secret in their feed URLs), or
 * undefined: unknown or rotated secret, removed member, or a member of no audience any more.
 */
export async function getChannelViewer(db: DbOrTx, token: string | undefined): Promise<MemberViewer | undefined> {
  if (!token || token.length > 200) return undefined;
  const member = await memberByChannelHash(db, digest(token));
  return member ? viewerOf(db, member) : undefined;
}

async function viewerOf(db: DbOrTx, member: { id: string; email: string }): Promise<MemberViewer | undefined> {
  const audiences = await db
    .selectFrom('audience_members')
    .innerJoin('audiences', 'audiences.id', 'audience_members.audience_id')
    .select(['audiences.id', 'audiences.name', 'audiences.support_level'])
    .where('audience_members.member_id', '=', member.id)
    .orderBy('audiences.name')
    .execute();
  if (audiences.length === 0) return undefined;
  return { memberId: member.id, email: member.email, audiences: audiences.map((a) => ({ id: a.id, name: a.name, supportLevel: a.support_level })) };
}

/** Ends one member session (sign out on this device). */
export async function endMemberSession(db: DbOrTx, token: string | undefined): Promise<void> {
  if (!token || token.length > 200) return;
  await db.deleteFrom('member_sessions').where('id', '=', digest(token)).execute();
}
