import { listNoticeRecords } from '@/lib/db/queries/notices';
import type { DbOrTx } from '@/lib/db/transaction';

/** An open notice as a member's page shows it: only the audiences of theirs it was sent to. */
export interface MemberNotice {
  id: string;
  title: string;
  body: string;
  sentAt: string;
  privateTo: string[];
}

/** The open notices sent to any of a signed-in member's audiences, newest first; never called for anonymous readers. */
export async function listMemberNotices(db: DbOrTx, audienceIds: readonly string[]): Promise<MemberNotice[]> {
  const mine = new Set(audienceIds);
  const notices = await listNoticeRecords(db, { statuses: ['open'], audienceIds, limit: 20 });
  return notices.map((n) => ({ id: n.id, title: n.title, body: n.body, sentAt: n.created_at, privateTo: n.audiences.filter((a) => mine.has(a.id)).map((a) => a.name) }));
}
