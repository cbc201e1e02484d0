import { NOTICE_STATUSES } from '@/lib/domain/notices';
import { NoticeBody, NoticePatchBody } from '@/lib/domain/statuspage-manage/notice-requests';
import { errors, ids, int, json, list, nullableStr, nullableTime, obj, paging, ref, str, time, wrapped } from '@/lib/domain/statuspage-manage/openapi-fragments';
import { SUPPORT_LEVELS } from '@/lib/domain/support-levels';

/**
 * Early notices (a Beacon extension in Statuspage's style) in the management API document, as
 * notice-shapes.ts shapes them: a warning to chosen page access groups without a public
 * incident. Responder and admin keys may read, send, close and promote.
 */

const Notice = obj({
  id: str, page_id: str, title: str, body: { ...str, description: 'Markdown' },
  status: { type: 'string', enum: [...NOTICE_STATUSES], description: 'open, then closed or promoted (it became an incident); neither reopens' },
  page_access_group_ids: { ...ids, description: 'whom it was for, as sent or as the support level chose them' },
  min_support_level: { type: ['string', 'null'], enum: [...SUPPORT_LEVELS, null], description: 'null when the groups were chosen by id' },
  incident_id: { ...nullableStr, description: 'the incident it became' },
  sent_by: { ...str, description: 'the operator or API key that sent it' },
  created_at: time, updated_at: time, closed_at: { ...nullableTime, description: 'when it was closed or promoted' },
  deliveries: { ...obj({ queued: int, delivered: int, failed: int }), description: 'one email per member address of its groups; queued ones are retried' },
});

export const NOTICE_SCHEMAS = { Notice };

const N = { tags: ['Notices'] };
const notice = (status: number, description: string) => ({ [status]: json(ref('Notice'), description) });
const patchBody = wrapped('notice', NoticePatchBody);
const close = (summary: string) => ({ ...N, summary, requestBody: patchBody, responses: { ...notice(200, 'The closed notice'), ...errors(400, 401, 403, 404, 422) } });

/** The notice paths under `base` (`/pages/{page_id}`). */
export function noticePaths(base: string) {
  const notices = `${base}/notices`;
  return {
    [notices]: {
      get: {
        ...N, summary: 'List notices, newest first',
        parameters: [...paging, { name: 'status', in: 'query', schema: { type: 'string', enum: [...NOTICE_STATUSES] }, description: 'only notices with this status' }],
        responses: { 200: json(list('Notice'), 'OK'), ...errors(400, 401, 403, 404) },
      },
      post: {
        ...N, summary: 'Send a notice to the listed page access groups, or to every group at min_support_level and up (exactly one of the two); emailed at once',
        requestBody: wrapped('notice', NoticeBody),
        responses: { ...notice(201, 'Sent, with how its messages went'), ...errors(400, 401, 403, 404, 422) },
      },
    },
    [`${notices}/{notice_id}`]: {
      get: { ...N, summary: 'Get one', responses: { ...notice(200, 'OK'), ...errors(401, 403, 404) } },
      patch: close('Close an open notice (status closed): it leaves the members\' page; 422 when it is already closed or promoted'),
      put: close('Same as PATCH'),
    },
    [`${notices}/{notice_id}/promote`]: {
      post: {
        ...N, summary: 'Promote an open notice into an incident private to its groups (investigating, its title and message)',
        responses: {
          201: json(obj({ notice: ref('Notice'), incident: ref('Incident') }), 'The promoted notice and the incident'),
          ...errors(401, 403, 404, 422),
        },
      },
    },
  };
}
