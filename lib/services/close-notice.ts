import { getNoticeRecord, type NoticeRecord } from '@/lib/db/queries/notices';
import { withTransaction } from '@/lib/db/transaction';
import { noticeChangeRefused } from '@/lib/domain/notices';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { ConflictError, NotFoundError } from '@/lib/services/errors';
import { NoticeIdInput, parseNoticeInput } from '@/lib/services/notice-schemas';

/** Closes an open notice: it leaves the members' page; nobody is messaged. */
export async function closeNotice({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<NoticeRecord> {
  authorize(ctx, 'notice.close');
  const { id } = parseNoticeInput(NoticeIdInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const before = await getNoticeRecord(trx, id);
    if (!before) throw new NotFoundError('Notice', id);
    const refused = noticeChangeRefused(before.status);
    if (refused) throw new ConflictError(`Notice: ${refused}`, { id: refused });
    const at = ctx.now().toISOString();
    await trx.updateTable('notices').set({ status: 'closed', closed_at: at, updated_at: at }).where('id', '=', id).execute();
    const after = (await getNoticeRecord(trx, id))!;
    await recordAudit(trx, ctx, { action: 'notice.close', entityType: 'notice', entityId: id, before: { status: before.status }, after: { status: after.status, closedAt: at } });
    return after;
  });
}
