import { z } from 'zod';
import { NOTICE_STATUSES, type NoticeStatus } from '@/lib/domain/notices';
import { IdList } from '@/lib/domain/statuspage-manage/page-access-requests';
import { SUPPORT_LEVELS } from '@/lib/domain/support-levels';

/**
 * Request bodies of Beacon's notice endpoints (a management API extension in Statuspage's
 * style): `{ "notice": {…} }`. Whom a notice is for, and that exactly one way is chosen, is
 * the service's rule (lib/services/notice-schemas.ts); here only the client's names are mapped.
 */

/** `null` reads as "not sent". */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v) => (v === null ? undefined : v));
}

/** POST /notices: a title, a message, and either `page_access_group_ids` or `min_support_level`. */
export const NoticeBody = z.object({
  title: optional(z.string()),
  body: optional(z.string()),
  page_access_group_ids: optional(IdList),
  min_support_level: optional(z.enum(SUPPORT_LEVELS, { message: 'must be standard, business or enterprise' })),
});
export type NoticeBody = z.output<typeof NoticeBody>;

/** PATCH /notices/{notice_id}: closing is the one change a notice takes (promoting has its own path). */
export const NoticePatchBody = z.object({
  status: z.literal('closed', { message: 'must be closed (promote a notice with POST …/promote)' }),
});
export type NoticePatchBody = z.output<typeof NoticePatchBody>;

/** The sendNotice input for a POST body; the service refuses what is missing. */
export function toSendNoticeInput(body: NoticeBody) {
  return { title: body.title ?? '', body: body.body ?? '', audienceIds: body.page_access_group_ids, minLevel: body.min_support_level };
}

/** Service field → the name a client sent, for error messages (`notice.page_access_group_ids`). */
export const NOTICE_FIELDS = { audienceIds: 'page_access_group_ids', minLevel: 'min_support_level' };

/** The list's `status` filter: absent (every notice), or one of the statuses; undefined when it is neither. */
export function readNoticeStatusFilter(value: string | null): { status: NoticeStatus | null } | undefined {
  if (value === null || value === '') return { status: null };
  return (NOTICE_STATUSES as readonly string[]).includes(value) ? { status: value as NoticeStatus } : undefined;
}
