import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, startOfDay, subDays } from 'date-fns';
import { getComponent, getGroup, listComponents } from '@/lib/db/queries/components';
import { listAffected, listOverlapping } from '@/lib/db/queries/incidents';
import { toComponentUptime, toGroupUptime, type RelatedEvent } from '@/lib/domain/statuspage-manage/uptime';
import type { UptimeRule } from '@/lib/domain/uptime';
import { dateKey, daysOf, partialDate } from '@/lib/domain/uptime-periods';
import type { ServiceContext } from '@/lib/services/context';
import { NotFoundError, ValidationError } from '@/lib/services/errors';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { configuredUptimeRule, figuresOver, intervalsByComponent } from '@/lib/services/uptime-history';

export interface ComponentUptimeQuery {
  kind: 'component' | 'group';
  id: string;
  start?: string | null;
  end?: string | null;
  skipRelatedEvents?: boolean;
}

const DEFAULT_DAYS = 90;
const MAX_MONTHS = 6;

/**
 * Statuspage's component (or group) uptime over `start`–`end` (partial dates, page time zone):
 * `start` defaults to the later of the start date and 90 days ago, `end` to today; an end after
 * today is moved to today with a warning; more than six months, or an end before the start, is a
 * 422 naming the field. Only showcased components have uptime (a group needs one showcased member).
 */
export async function getComponentUptime({
  ctx,
  query,
  rule = configuredUptimeRule(),
}: {
  ctx: ServiceContext;
  query: ComponentUptimeQuery;
  rule?: UptimeRule;
}) {
  const now = ctx.now();
  const db = ctx.db;
  const settings = await getPageSettings(db, now);
  const tz = settings.time_zone;

  const target = await resolveTarget(ctx, query);
  const members = target.members.filter((c) => c.showcase);
  if (members.length === 0) {
    throw new ValidationError(
      query.kind === 'component' ? 'This component does not have uptime showcase enabled' : 'No component of this group has uptime showcase enabled',
      { showcase: 'must be enabled' },
    );
  }
  const startDate = members.map((c) => c.start_date).reduce((a, b) => (a < b ? a : b));
  const today = new TZDate(now.getTime(), tz);
  const tomorrow = startOfDay(addDays(today, 1)).getTime();
  const warnings: string[] = [];

  let from = Math.max(Date.parse(startDate), startOfDay(subDays(today, DEFAULT_DAYS - 1)).getTime());
  from = startOfDay(new TZDate(from, tz)).getTime();
  if (query.start) {
    const parsed = partialDate(query.start, 'start', tz);
    if (parsed === null) throw new ValidationError('start must be a date: YYYY, YYYY-MM or YYYY-MM-DD', { start: 'must be YYYY, YYYY-MM or YYYY-MM-DD' });
    from = parsed;
  }
  let to = tomorrow;
  if (query.end) {
    const parsed = partialDate(query.end, 'end', tz);
    if (parsed === null) throw new ValidationError('end must be a date: YYYY, YYYY-MM or YYYY-MM-DD', { end: 'must be YYYY, YYYY-MM or YYYY-MM-DD' });
    to = parsed;
    if (to > tomorrow) {
      to = tomorrow;
      warnings.push('End date was adjusted to today.');
    }
  }
  if (to <= from) throw new ValidationError('start must be on or before end', { start: 'must be on or before end' });
  if (to > addMonths(new TZDate(from, tz), MAX_MONTHS).getTime()) {
    throw new ValidationError('The range from start to end may span at most six months', { end: 'at most six months after start' });
  }

  const ids = members.map((c) => c.id);
  const days = daysOf(from, to, tz);
  const intervals = await intervalsByComponent(db, ids, from, to);
  const history = ids.flatMap((id) => intervals.get(id) ?? []);
  const whole = { key: 'range', label: 'range', start: from, end: to };
  const { figures } = figuresOver(history, days, [whole], now, rule, startDate);
  if (figures[0]!.percent === null) warnings.push('No uptime data exists in this range.');
  const shape = { id: target.id, name: target.name, rangeStart: dateKey(from, tz), rangeEnd: dateKey(to - 1, tz), figure: figures[0]!, warnings };

  const related = query.skipRelatedEvents ? null : await relatedEvents(ctx, ids, from, Math.min(to, now.getTime()));
  if (query.kind === 'component') return toComponentUptime(shape, related ? (related.get(target.id) ?? []) : null);
  return toGroupUptime(shape, related);
}

async function resolveTarget(ctx: ServiceContext, query: ComponentUptimeQuery) {
  if (query.kind === 'component') {
    const c = await getComponent(ctx.db, query.id);
    if (!c || c.archived_at !== null) throw new NotFoundError('Component', query.id);
    return { id: c.id, name: c.name, members: [c] };
  }
  const g = await getGroup(ctx.db, query.id);
  if (!g) throw new NotFoundError('Component group', query.id);
  return { id: g.id, name: g.name, members: (await listComponents(ctx.db)).filter((c) => c.group_id === g.id) };
}

/** Incidents and maintenance of the range per component (oldest first), as Statuspage lists them. */
async function relatedEvents(ctx: ServiceContext, componentIds: readonly string[], from: number, to: number): Promise<Map<string, RelatedEvent[]>> {
  const rows = await listOverlapping(ctx.db, new Date(from).toISOString(), new Date(to).toISOString());
  const affected = await listAffected(ctx.db, rows.map((r) => r.id));
  const byComponent = new Map<string, RelatedEvent[]>(componentIds.map((id) => [id, []]));
  for (const r of [...rows].reverse()) {
    for (const c of affected.get(r.id) ?? []) byComponent.get(c)?.push({ id: r.id, name: r.name });
  }
  return byComponent;
}
