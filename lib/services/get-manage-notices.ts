import { getNoticeRecord, listNoticeRecords } from '@/lib/db/queries/notices';
import type { NoticeStatus } from '@/lib/domain/notices';
import { toManageNotice } from '@/lib/domain/statuspage-manage/notice-shapes';
import type { Paging } from '@/lib/domain/statuspage-manage/paging';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError } from '@/lib/services/errors';

/** Read models of the management API's notice endpoints (a Beacon extension). */

/** One page of notices, newest first, optionally of one status. */
export async function getManageNotices({ ctx, paging, status, pageId }: { ctx: ServiceContext; paging: Paging; status: NoticeStatus | null; pageId: string }) {
  authorize(ctx, 'notice.read');
  const rows = await listNoticeRecords(ctx.db, { statuses: status ? [status] : undefined, limit: paging.perPage, offset: (paging.page - 1) * paging.perPage });
  return rows.map((r) => toManageNotice(r, pageId));
}

/** One notice with how its messages went; throws NotFoundError. */
export async function getManageNotice({ ctx, id, pageId }: { ctx: ServiceContext; id: string; pageId: string }) {
  authorize(ctx, 'notice.read');
  const row = await getNoticeRecord(ctx.db, id);
  if (!row) throw new NotFoundError('Notice', id);
  return toManageNotice(row, pageId);
}
