import { date, errors, int, json, obj, ref, str } from '@/lib/domain/statuspage-manage/openapi-fragments';

/** The two uptime endpoints in the management API document (reference part 2, §4), as lib/domain/statuspage-manage/uptime.ts shapes them. */

const event = obj({ id: { ...str, description: 'the incident or maintenance' }, name: str });
const base = {
  id: str, name: str, range_start: { ...date, description: 'the first day used, page time zone' }, range_end: { ...date, description: 'the last day used' },
  uptime_percentage: { type: ['number', 'null'], description: 'floored to 2 decimals; null when nothing was observed' },
  major_outage: { ...int, description: 'seconds in major outage' }, partial_outage: { ...int, description: 'seconds in partial outage' },
  warnings: { type: 'array', items: str, description: 'why the range was adjusted' },
};
const uptime = (related: unknown) => ({ ...obj(base), properties: { ...base, related_events: { ...(related as object), description: 'left out with skip_related_events' } } });

export const UPTIME_SCHEMAS = {
  ComponentUptime: uptime({ type: 'array', items: event }),
  ComponentGroupUptime: uptime({ type: 'array', items: obj({ component_id: str, incidents: { type: 'array', items: event } }) }),
};

const partialDate = (which: string) => ({
  type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
  description: `YYYY, YYYY-MM or YYYY-MM-DD in the page's time zone; a partial date means the ${which} day of that year or month`,
});
const query = [
  { name: 'start', in: 'query', schema: partialDate('first'), description: 'defaults to the later of the (earliest showcased) start date and 90 days ago' },
  { name: 'end', in: 'query', schema: partialDate('last'), description: 'defaults to today; a later end is moved to today with a warning. At most six months after start' },
  { name: 'skip_related_events', in: 'query', schema: { type: 'string', enum: ['true', 'false', '1', '0', 't', 'f'] } },
];
const get = (summary: string, schema: string) => ({
  get: { tags: ['Uptime'], summary, parameters: query, responses: { 200: json(ref(schema), 'OK'), ...errors(401, 404, 422) } },
});

/** The uptime paths under `base` (`/pages/{page_id}`). */
export function uptimePaths(base: string) {
  return {
    [`${base}/components/{component_id}/uptime`]: get('Uptime of a showcased component over a range of days (422 when showcase is off)', 'ComponentUptime'),
    [`${base}/component-groups/{id}/uptime`]: get('Uptime of a group over its showcased members (422 when none is)', 'ComponentGroupUptime'),
  };
}
