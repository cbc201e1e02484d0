import type { z } from 'zod';
import { COMPONENT_STATUSES } from '@/lib/domain/status';
import { ComponentBody, GroupBody, IncidentBody, IncidentUpdateBody, INCIDENT_STATUSES_V1, SubscriberBody, TemplateBody } from '@/lib/domain/statuspage-manage/requests';
import { bool, errors, json, nullableStr, nullableTime, obj, paging, ref, str, time, withPathParameters, wrapped } from '@/lib/domain/statuspage-manage/openapi-fragments';
import { METRIC_SCHEMAS, metricPaths } from '@/lib/domain/statuspage-manage/openapi-metrics';
import { NOTICE_SCHEMAS, noticePaths } from '@/lib/domain/statuspage-manage/openapi-notices';
import { PAGE_ACCESS_SCHEMAS, pageAccessPaths } from '@/lib/domain/statuspage-manage/openapi-page-access';
import { UPTIME_SCHEMAS, uptimePaths } from '@/lib/domain/statuspage-manage/openapi-uptime';

const Component = obj({
  id: str, page_id: str, group_id: nullableStr, group: bool, name: str, description: nullableStr, position: { type: 'integer' },
  status: { type: 'string', enum: [...COMPONENT_STATUSES] }, showcase: bool, only_show_if_degraded: bool,
  automation_email: nullableStr, start_date: { type: ['string', 'null'], format: 'date' }, created_at: time, updated_at: time,
});
const IncidentUpdate = obj({
  id: str, incident_id: str, status: { type: 'string', enum: [...INCIDENT_STATUSES_V1] }, body: str, created_at: time, updated_at: time,
  display_at: time, deliver_notifications: bool, wants_twitter_update: bool, twitter_updated_at: nullableTime, tweet_id: nullableStr,
  custom_tweet: nullableStr,
  affected_components: {
    type: ['array', 'null'],
    items: obj({ code: str, name: str, old_status: { type: 'string', enum: [...COMPONENT_STATUSES] }, new_status: { type: 'string', enum: [...COMPONENT_STATUSES] } }),
  },
});
const flag = { type: ['boolean', 'null'], description: 'true for maintenance (Beacon always moves its components and notifies at the edges), null for incidents' };
const Incident = obj({
  id: str, page_id: str, name: str, status: { type: 'string', enum: [...INCIDENT_STATUSES_V1] },
  impact: { type: 'string', enum: ['none', 'maintenance', 'minor', 'major', 'critical'] },
  impact_override: { type: ['string', 'null'], enum: ['none', 'minor', 'major', 'critical', null] },
  created_at: time, updated_at: time, started_at: time, monitoring_at: nullableTime, resolved_at: nullableTime, shortlink: str,
  backfilled: bool, metadata: { type: 'object' }, reminder_intervals: { type: 'null' }, postmortem_body: nullableStr,
  postmortem_body_last_updated_at: nullableTime, postmortem_ignored: bool, postmortem_notified_subscribers: bool,
  postmortem_notified_twitter: bool, postmortem_published_at: nullableTime, scheduled_for: nullableTime, scheduled_until: nullableTime,
  scheduled_remind_prior: bool, scheduled_reminded_at: nullableTime, scheduled_auto_in_progress: bool, scheduled_auto_completed: bool,
  auto_transition_to_maintenance_state: flag, auto_transition_to_operational_state: flag,
  auto_transition_deliver_notifications_at_start: flag, auto_transition_deliver_notifications_at_end: flag,
  components: { type: 'array', items: ref('Component') }, incident_updates: { type: 'array', items: ref('IncidentUpdate'), description: 'newest first' },
  incident_impacts: { type: 'array', maxItems: 0 },
});
const GroupComponent = obj({
  id: str, page_id: str, name: str, description: nullableStr, components: { type: 'array', items: str }, position: { type: 'integer' },
  created_at: time, updated_at: time,
});
const IncidentTemplate = obj({
  id: str, name: str, title: str, body: str, group_id: { type: 'null' }, update_status: str, should_tweet: bool,
  should_send_notifications: bool, components: { type: 'array', items: ref('Component') },
});
const Subscriber = obj({
  id: str, mode: { type: 'string', enum: ['email', 'webhook'] }, email: nullableStr, endpoint: nullableStr, phone_number: { type: 'null' },
  phone_country: { type: 'null' }, display_phone_number: { type: 'null' }, obfuscated_channel_name: { type: 'null' }, workspace_name: { type: 'null' },
  skip_confirmation_notification: bool, quarantined_at: nullableTime, purge_at: { type: 'null' },
  components: { type: ['array', 'null'], items: str }, page_access_user_id: { type: 'null' }, created_at: time,
});
const ErrorEntity = { type: 'object', properties: { message: str, fields: { type: 'object', additionalProperties: str } }, required: ['message'] };

function crud(opts: {
  tag: string;
  collection: string;
  element: string;
  schema: string;
  wrapper: string;
  body: z.ZodType;
  extra?: Record<string, unknown>;
  deleteStatus: 200 | 204;
  writeRole: string;
}) {
  const item = ref(opts.schema);
  const list = { type: 'array', items: item };
  return {
    [opts.collection]: {
      get: { tags: [opts.tag], summary: `List ${opts.tag.toLowerCase()}`, parameters: paging, responses: { 200: json(list, 'OK'), ...errors(400, 401, 404) } },
      post: {
        tags: [opts.tag], summary: `Create (${opts.writeRole})`, requestBody: wrapped(opts.wrapper, opts.body, opts.extra),
        responses: { 201: json(item, 'Created'), ...errors(400, 401, 403, 404, 422) },
      },
    },
    [opts.element]: {
      get: { tags: [opts.tag], summary: 'Get one', responses: { 200: json(item, 'OK'), ...errors(401, 404) } },
      patch: { tags: [opts.tag], summary: `Update (${opts.writeRole})`, requestBody: wrapped(opts.wrapper, opts.body, opts.extra), responses: { 200: json(item, 'OK'), ...errors(400, 401, 403, 404, 422) } },
      put: { tags: [opts.tag], summary: 'Same as PATCH', requestBody: wrapped(opts.wrapper, opts.body, opts.extra), responses: { 200: json(item, 'OK'), ...errors(400, 401, 403, 404, 422) } },
      delete: {
        tags: [opts.tag], summary: `Delete (${opts.writeRole})`,
        responses: { [opts.deleteStatus]: opts.deleteStatus === 204 ? { description: 'Deleted' } : json(item, 'The deleted resource'), ...errors(401, 403, 404, 422) },
      },
    },
  };
}

/** The OpenAPI 3.1 document of Beacon's management API v1, served at /api/v1/openapi.json. */
export function buildManageOpenApi(serverUrl: string) {
  const base = '/pages/{page_id}';
  const incidentsCrud = crud({
    tag: 'Incidents', collection: `${base}/incidents`, element: `${base}/incidents/{incident_id}`, schema: 'Incident',
    wrapper: 'incident', body: IncidentBody, deleteStatus: 200, writeRole: 'responder or admin',
  });
  const incidentUpdateEdit = (summary: string) => ({
    tags: ['Incidents'], summary, requestBody: wrapped('incident_update', IncidentUpdateBody),
    responses: { 200: json(ref('IncidentUpdate'), 'OK'), ...errors(400, 401, 404, 422) },
  });
  const subList = (summary: string) => ({
    get: { tags: ['Incidents'], summary, parameters: paging, responses: { 200: json({ type: 'array', items: ref('Incident') }, 'OK'), ...errors(400, 401, 404) } },
  });
  const listWithQ = incidentsCrud[`${base}/incidents`] as { get: { parameters: unknown[] } };
  listWithQ.get.parameters = [...paging, { name: 'q', in: 'query', schema: str, description: 'searches names and update text' }];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Beacon management API (Statuspage manage API v1 compatible)',
      version: '1.0.0',
      description:
        'Authenticate with `Authorization: OAuth <key>` (scheme case-insensitive; `Bearer <key>`, a bare key and `?api_key=` also work). ' +
        'Every path is also served with a `.json` suffix. Bodies may be JSON (whatever the Content-Type) or Rails-style forms; ' +
        '`null` means absent and unknown keys are ignored. Keys act with their operator\'s role: responders manage incidents, ' +
        'maintenance, component status and templates, push metric data and read subscribers and page access; admins also create, ' +
        'edit and delete components, groups, metrics and page access groups and users. Notices (a Beacon extension) are sent, closed ' +
        'and promoted by responders and admins.',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ OAuth: [] }],
    tags: [
      { name: 'Pages' }, { name: 'Incidents' }, { name: 'Components' }, { name: 'Component groups' }, { name: 'Incident templates' }, { name: 'Subscribers' },
      { name: 'Uptime' }, { name: 'Metrics' }, { name: 'Page access groups' }, { name: 'Page access users' },
      { name: 'Notices', description: 'Beacon extension: early notices to chosen page access groups, without a public incident' },
    ],
    paths: withPathParameters({
      '/pages': { get: { tags: ['Pages'], summary: 'The one page Beacon serves, as a list', responses: { 200: json({ type: 'array', items: { type: 'object' } }, 'OK'), ...errors(401) } } },
      [base]: { get: { tags: ['Pages'], summary: 'The page (id, name, url, time zone)', responses: { 200: json({ type: 'object' }, 'OK'), ...errors(401, 404) } } },
      [`${base}/incidents/{incident_id}/incident_updates/{incident_update_id}`]: {
        patch: incidentUpdateEdit('Tune an incident update (body, display_at, deliver_notifications)'),
        put: incidentUpdateEdit('Same as PATCH'),
      },
      ...incidentsCrud,
      [`${base}/incidents/unresolved`]: subList('Unresolved incidents (investigating, identified, monitoring)'),
      [`${base}/incidents/upcoming`]: subList('Maintenance still scheduled, soonest first'),
      [`${base}/incidents/active_maintenance`]: subList('Maintenance in progress or verifying'),
      [`${base}/incidents/scheduled`]: subList('All maintenance'),
      ...crud({
        tag: 'Components', collection: `${base}/components`, element: `${base}/components/{component_id}`, schema: 'Component',
        wrapper: 'component', body: ComponentBody, deleteStatus: 204, writeRole: 'admin; responders may PATCH status alone',
      }),
      ...crud({
        tag: 'Component groups', collection: `${base}/component-groups`, element: `${base}/component-groups/{id}`, schema: 'GroupComponent',
        wrapper: 'component_group', body: GroupBody, extra: { description: str }, deleteStatus: 200, writeRole: 'admin',
      }),
      ...crud({
        tag: 'Incident templates', collection: `${base}/incident_templates`, element: `${base}/incident_templates/{id}`, schema: 'IncidentTemplate',
        wrapper: 'template', body: TemplateBody, deleteStatus: 200, writeRole: 'responder or admin',
      }),
      [`${base}/subscribers`]: {
        get: {
          tags: ['Subscribers'], summary: 'List subscribers',
          parameters: [
            ...paging,
            { name: 'type', in: 'query', schema: { type: 'string', enum: ['email', 'sms', 'webhook', 'slack', 'teams', 'integration_partner'] } },
            { name: 'state', in: 'query', schema: { type: 'string', enum: ['active', 'unconfirmed', 'quarantined', 'all'], default: 'active' } },
            { name: 'q', in: 'query', schema: str },
            { name: 'sort_field', in: 'query', schema: { type: 'string', enum: ['primary', 'created_at', 'quarantined_at'] } },
            { name: 'sort_direction', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'] } },
          ],
          responses: { 200: json({ type: 'array', items: ref('Subscriber') }, 'OK'), ...errors(400, 401, 404) },
        },
        post: {
          tags: ['Subscribers'],
          summary: 'Add an email (double opt-in) or webhook (`endpoint`; verified by a signed ping) subscriber (admin)',
          requestBody: wrapped('subscriber', SubscriberBody),
          responses: {
            201: json({ allOf: [ref('Subscriber'), { type: 'object', properties: { secret: { type: 'string', description: 'webhooks only, shown once' } } }] }, 'Created'),
            ...errors(400, 401, 403, 404, 422),
          },
        },
      },
      [`${base}/subscribers/unsubscribed`]: {
        get: { tags: ['Subscribers'], summary: 'Unsubscribed subscribers', parameters: paging, responses: { 200: json({ type: 'array', items: ref('Subscriber') }, 'OK'), ...errors(400, 401, 404) } },
      },
      [`${base}/subscribers/{subscriber_id}`]: {
        get: { tags: ['Subscribers'], summary: 'Get one', responses: { 200: json(ref('Subscriber'), 'OK'), ...errors(401, 404) } },
        delete: { tags: ['Subscribers'], summary: 'Unsubscribe (admin)', responses: { 200: json(ref('Subscriber'), 'The subscriber as it was'), ...errors(401, 403, 404) } },
      },
      ...uptimePaths(base),
      ...metricPaths(base),
      ...pageAccessPaths(base),
      ...noticePaths(base),
    }),
    components: {
      securitySchemes: { OAuth: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'OAuth <key>' } },
      schemas: {
        Component, IncidentUpdate, Incident, GroupComponent, IncidentTemplate, Subscriber, ErrorEntity,
        ...UPTIME_SCHEMAS, ...METRIC_SCHEMAS, ...PAGE_ACCESS_SCHEMAS, ...NOTICE_SCHEMAS,
      },
      responses: {
        E400: json(ref('ErrorEntity'), 'Bad request: no wrapper object, unreadable body or bad query parameter'),
        E401: json(ref('ErrorEntity'), 'Could not authenticate'),
        E403: json(ref('ErrorEntity'), 'You are not authorized to access this resource.'),
        E404: json(ref('ErrorEntity'), 'The requested resource could not be found.'),
        E409: json(ref('ErrorEntity'), 'Conflict: the email already belongs to a page access user'),
        E422: json(ref('ErrorEntity'), 'Unprocessable entity: `fields` names each bad field as sent, e.g. incident.name'),
      },
    },
  };
}
