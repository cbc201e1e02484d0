import { listAudienceLevels, listNoticeRecords, type NoticeRecord } from '@/lib/db/queries/notices';
import type { AudienceLevel } from '@/lib/domain/notices';
import { authorize, type ServiceContext } from '@/lib/services/context';

/** The console's notices: open ones first (oldest first, the longest-waiting on top), then the last 50 closed or promoted. */
export async function listNotices({ ctx }: { ctx: ServiceContext }): Promise<{ open: NoticeRecord[]; done: NoticeRecord[]; audiences: AudienceLevel[] }> {
  authorize(ctx, 'notice.read');
  const [open, done, audiences] = await Promise.all([
    listNoticeRecords(ctx.db, { statuses: ['open'] }),
    listNoticeRecords(ctx.db, { statuses: ['closed', 'promoted'], limit: 50 }),
    listAudienceLevels(ctx.db),
  ]);
  return { open: open.reverse(), done, audiences };
}
