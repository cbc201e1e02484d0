import type { NoticeStatus } from '@/lib/domain/notices';
import type { SupportLevel } from '@/lib/domain/support-levels';

/** Beacon's Notice object of the management API: an early notice in Statuspage's snake_case style. */

export interface NoticeShapeInput {
  id: string;
  title: string;
  body: string;
  status: NoticeStatus;
  min_level: SupportLevel | null;
  incident_id: string | null;
  sent_by: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  audiences: readonly { id: string }[];
  deliveries: { queued: number; delivered: number; failed: number };
}

/** A notice; `min_support_level` is null when its groups were chosen by id. */
export function toManageNotice(notice: NoticeShapeInput, pageId: string) {
  return {
    id: notice.id,
    page_id: pageId,
    title: notice.title,
    body: notice.body,
    status: notice.status,
    page_access_group_ids: notice.audiences.map((a) => a.id),
    min_support_level: notice.min_level,
    incident_id: notice.incident_id,
    sent_by: notice.sent_by,
    created_at: notice.created_at,
    updated_at: notice.updated_at,
    closed_at: notice.closed_at,
    deliveries: { queued: notice.deliveries.queued, delivered: notice.deliveries.delivered, failed: notice.deliveries.failed },
  };
}
