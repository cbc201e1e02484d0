import type { NoticeRecord } from '@/lib/db/queries/notices';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { ValidationError } from '@/lib/services/errors';
import { deliverNotice, recordNotice } from '@/lib/services/notice-delivery';
import { SendNoticeInput, parseNoticeInput } from '@/lib/services/notice-schemas';

/**
 * Sends an early notice to audiences chosen by name or by support level (and up): written with
 * one delivery per member in one transaction, then mailed at once. Nothing public changes: no
 * snapshot, feed or alert to subscribers.
 */
export async function sendNotice({ ctx, input }: { ctx: ServiceContext; input: SendNoticeInput }): Promise<NoticeRecord & { sent: { delivered: number; failed: number } }> {
  authorize(ctx, 'notice.send');
  const data = parseNoticeInput(SendNoticeInput, input);
  const target = data.minLevel ? ({ kind: 'level', minLevel: data.minLevel } as const) : ({ kind: 'audiences', audienceIds: data.audienceIds ?? [] } as const);
  const notice = await withTransaction(ctx.db, async (trx) => {
    const record = await recordNotice(trx, ctx, { title: data.title, body: data.body, target });
    if (!record) throw new ValidationError('Support level: matches no audience yet', { minLevel: 'matches no audience yet' });
    await recordAudit(trx, ctx, { action: 'notice.send', entityType: 'notice', entityId: record.id, after: { title: record.title, body: record.body, minLevel: record.min_level, audiences: record.audiences, recipients: record.deliveries.queued } });
    return record;
  });
  const sent = await deliverNotice(ctx, notice.id);
  return { ...notice, sent };
}
