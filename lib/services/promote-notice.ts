import { getNoticeRecord, type NoticeRecord } from '@/lib/db/queries/notices';
import type { IncidentRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { noticeChangeRefused } from '@/lib/domain/notices';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { createIncident } from '@/lib/services/create-incident';
import { ConflictError, NotFoundError } from '@/lib/services/errors';
import { NoticeIdInput, parseNoticeInput } from '@/lib/services/notice-schemas';

/**
 * Turns an open notice into an incident private to the notice's audiences (investigating, its
 * title and message as the first update), linked both ways. The operator widens it to everyone
 * in the incident's editor when it becomes public.
 */
export async function promoteNotice({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<{ notice: NoticeRecord; incident: IncidentRow }> {
  authorize(ctx, 'notice.promote');
  const { id } = parseNoticeInput(NoticeIdInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const before = await getNoticeRecord(trx, id);
    if (!before) throw new NotFoundError('Notice', id);
    const refused = noticeChangeRefused(before.status);
    if (refused) throw new ConflictError(`Notice: ${refused}`, { id: refused });
    if (before.audiences.length === 0) throw new ConflictError('Notice: its audiences were all deleted', { id: 'has no audience left' });
    const incident = await createIncident({
      ctx: { ...ctx, db: trx },
      input: { name: before.title, status: 'investigating', body: before.body, components: [], audienceIds: before.audiences.map((a) => a.id) },
    });
    const at = ctx.now().toISOString();
    await trx.updateTable('notices').set({ status: 'promoted', incident_id: incident.id, closed_at: at, updated_at: at }).where('id', '=', id).execute();
    const notice = (await getNoticeRecord(trx, id))!;
    await recordAudit(trx, ctx, { action: 'notice.promote', entityType: 'notice', entityId: id, before: { status: before.status }, after: { status: notice.status, incidentId: incident.id } });
    return { notice, incident };
  });
}
