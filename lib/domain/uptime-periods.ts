import { TZDate, tzOffset } from '@date-fns/tz';
import { addDays, addMonths, addYears, format, isValid, parse, startOfDay, startOfMonth, startOfQuarter, startOfYear, subMonths } from 'date-fns';
import type { TimeWindow } from '@/lib/domain/calendar';

/** A stretch of time an uptime report covers, in the page's time zone; `end` is exclusive. */
export interface UptimePeriod extends TimeWindow {
  kind: 'month' | 'quarter' | 'year' | 'range';
  label: string;
}

/** A report period that could not be read: the form field to point at, and why. */
export interface PeriodError {
  field: 'period' | 'from' | 'to' | 'components';
  message: string;
}

/** Longest from–to range a report covers: a year (leap or not) and a day. */
export const MAX_RANGE_DAYS = 367;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function at(ms: number, timeZone: string): TZDate {
  return new TZDate(ms, timeZone);
}

function window(kind: UptimePeriod['kind'], start: Date, end: Date, label: string): UptimePeriod {
  const key = kind === 'range' ? `${format(start, 'yyyy-MM-dd')}..${format(addDays(end, -1), 'yyyy-MM-dd')}` : label;
  return { kind, key, label, start: start.getTime(), end: end.getTime() };
}

/** A month (`2026-11`), quarter (`2026-Q4`) or year (`2026`) in `timeZone`; null for anything else. */
export function namedPeriod(raw: string, timeZone: string): UptimePeriod | null {
  let m = MONTH.exec(raw);
  if (m) {
    const start = new TZDate(Number(m[1]), Number(m[2]) - 1, 1, timeZone);
    return window('month', start, startOfMonth(addMonths(start, 1)), format(start, 'yyyy-MM'));
  }
  m = QUARTER.exec(raw);
  if (m) {
    const start = new TZDate(Number(m[1]), (Number(m[2]) - 1) * 3, 1, timeZone);
    return window('quarter', start, startOfMonth(addMonths(start, 3)), `${m[1]}-Q${m[2]}`);
  }
  m = YEAR.exec(raw);
  if (m) {
    const start = new TZDate(Number(m[1]), 0, 1, timeZone);
    return window('year', start, startOfYear(addYears(start, 1)), m[1]!);
  }
  return null;
}

/** A calendar date `yyyy-MM-dd` as the start of that day in `timeZone`; null when not a real date. */
function dayStart(raw: string, timeZone: string): TZDate | null {
  if (!DATE.test(raw)) return null;
  const d = parse(raw, 'yyyy-MM-dd', new Date(0));
  if (!isValid(d)) return null;
  return new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), timeZone);
}

/** From and to dates, both included, as a range; errors name the field that is wrong. */
export function rangePeriod(from: string, to: string, timeZone: string): UptimePeriod | PeriodError {
  const start = dayStart(from, timeZone);
  if (!start) return { field: 'from', message: 'From must be a date (yyyy-mm-dd).' };
  const last = dayStart(to, timeZone);
  if (!last) return { field: 'to', message: 'To must be a date (yyyy-mm-dd).' };
  if (last < start) return { field: 'to', message: 'To must be on or after From.' };
  const end = startOfDay(addDays(last, 1));
  if ((end.getTime() - start.getTime()) / 86_400_000 > MAX_RANGE_DAYS) {
    return { field: 'to', message: 'From–To may span at most a year.' };
  }
  return window('range', start, end, `${format(start, 'd MMM yyyy')} – ${format(last, 'd MMM yyyy')}`);
}

/** The default report: the past 12 calendar months up to today. */
export function pastYear(now: Date, timeZone: string): UptimePeriod {
  const start = startOfMonth(subMonths(at(now.getTime(), timeZone), 11));
  const end = startOfDay(addDays(at(now.getTime(), timeZone), 1));
  return { ...window('range', start, end, 'Past 12 months'), key: 'past-12-months' };
}

/** The periods offered in the report's chooser, newest first: 12 months, 5 quarters, 3 years. */
export function periodChoices(now: Date, timeZone: string): UptimePeriod[] {
  const today = at(now.getTime(), timeZone);
  const months = Array.from({ length: 12 }, (_, i) => format(subMonths(startOfMonth(today), i), 'yyyy-MM'));
  const quarters = Array.from({ length: 5 }, (_, i) => {
    const q = subMonths(startOfQuarter(today), 3 * i);
    return `${q.getFullYear()}-Q${Math.floor(q.getMonth() / 3) + 1}`;
  });
  const years = [0, 1, 2].map((i) => String(today.getFullYear() - i));
  return [...months, ...quarters, ...years].map((raw) => namedPeriod(raw, timeZone)!);
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The calendar days of a window in `timeZone`, oldest first. */
export function daysOf(start: number, end: number, timeZone: string): TimeWindow[] {
  const days: TimeWindow[] = [];
  const offsetAt = (ms: number) => tzOffset(timeZone, new Date(ms));
  let d = startOfDay(at(start, timeZone)).getTime();
  // UTC offsets at the day's start and a day and two days later.
  let offsets = [offsetAt(d), offsetAt(d + DAY_MS), offsetAt(d + 2 * DAY_MS)];
  while (d < end) {
    // A day that starts at local midnight with no offset change from its start to a day after
    // its end is 24 h long and its key is its UTC-shifted date: one offset lookup a day instead
    // of several time-zone dates (a year's report builds 365 days, a component page 700). Days
    // near a change (a midnight skipped or repeated by DST) take the calendar's own way.
    const [now, next, after] = offsets as [number, number, number];
    const local = d + now * MINUTE_MS;
    let day: TimeWindow;
    if (local % DAY_MS === 0 && next === now && after === now) {
      day = { key: new Date(local).toISOString().slice(0, 10), start: d, end: d + DAY_MS };
    } else {
      const date = at(d, timeZone);
      day = { key: format(date, 'yyyy-MM-dd'), start: d, end: startOfDay(addDays(date, 1)).getTime() };
    }
    days.push(day);
    offsets = day.end === d + DAY_MS ? [next, after, offsetAt(day.end + 2 * DAY_MS)] : [offsetAt(day.end), offsetAt(day.end + DAY_MS), offsetAt(day.end + 2 * DAY_MS)];
    d = day.end;
  }
  return days;
}

/** The months a window touches, each clipped to the window, oldest first. */
export function monthsOf(start: number, end: number, timeZone: string): (TimeWindow & { label: string })[] {
  const months: (TimeWindow & { label: string })[] = [];
  for (let m = startOfMonth(at(start, timeZone)); m.getTime() < end; m = startOfMonth(addMonths(m, 1))) {
    const next = startOfMonth(addMonths(m, 1));
    months.push({ key: format(m, 'yyyy-MM'), label: format(m, 'MMM yyyy'), start: Math.max(m.getTime(), start), end: Math.min(next.getTime(), end) });
  }
  return months;
}

/** The quarters a window touches, each clipped to the window, oldest first. */
export function quartersOf(start: number, end: number, timeZone: string): (TimeWindow & { label: string })[] {
  const quarters: (TimeWindow & { label: string })[] = [];
  for (let q = startOfQuarter(at(start, timeZone)); q.getTime() < end; q = startOfQuarter(addMonths(q, 3))) {
    const next = startOfQuarter(addMonths(q, 3));
    const label = `Q${Math.floor(q.getMonth() / 3) + 1} ${q.getFullYear()}`;
    quarters.push({ key: `${q.getFullYear()}-Q${Math.floor(q.getMonth() / 3) + 1}`, label, start: Math.max(q.getTime(), start), end: Math.min(next.getTime(), end) });
  }
  return quarters;
}

/**
 * A Statuspage partial date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) as the first day it names (for
 * `start`) or the day after the last (for `end`, exclusive), in `timeZone`; null when unreadable.
 */
export function partialDate(raw: string, side: 'start' | 'end', timeZone: string): number | null {
  const named = YEAR.test(raw) || MONTH.test(raw) ? namedPeriod(raw, timeZone) : null;
  if (named) return side === 'start' ? named.start : named.end;
  const day = dayStart(raw, timeZone);
  if (!day || day.getFullYear() < 1970) return null;
  return side === 'start' ? day.getTime() : startOfDay(addDays(day, 1)).getTime();
}

/** `yyyy-MM-dd` of an instant in `timeZone`. */
export function dateKey(ms: number, timeZone: string): string {
  return format(at(ms, timeZone), 'yyyy-MM-dd');
}

/** An SLA report request, read: the components (none = all), the period, and its canonical address. */
export interface ReportQuery {
  componentIds: string[];
  period: UptimePeriod;
  /** `/uptime` with the parameters in one order: the key of the page's snapshot. */
  key: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_CHOSEN = 500;

/**
 * The report's query string as the form sends it (`component` repeated, `period`, or `from` and
 * `to`), or the field to point at. From–to wins over a named period; with neither, the past 12
 * months. A period that starts after today, or before 1970, is refused.
 */
export function parseReportQuery(
  raw: { component: readonly string[]; period: string | null; from: string | null; to: string | null },
  now: Date,
  timeZone: string,
): ReportQuery | PeriodError {
  const ids = [...new Set(raw.component.map((c) => c.trim()).filter(Boolean))].sort();
  if (ids.length > MAX_CHOSEN || ids.some((id) => !ID.test(id))) return { field: 'components', message: 'Components must be components of this page.' };
  const query = new URLSearchParams();
  for (const id of ids) query.append('component', id);

  let period: UptimePeriod;
  const from = raw.from?.trim() ?? '';
  const to = raw.to?.trim() ?? '';
  if (from || to) {
    if (!from) return { field: 'from', message: 'From is needed with To.' };
    if (!to) return { field: 'to', message: 'To is needed with From.' };
    const range = rangePeriod(from, to, timeZone);
    if (!('start' in range)) return range;
    period = range;
    query.set('from', from);
    query.set('to', to);
  } else if (raw.period?.trim()) {
    const named = namedPeriod(raw.period.trim(), timeZone);
    if (!named) return { field: 'period', message: 'Period must be a month, a quarter or a year from the list.' };
    period = named;
    query.set('period', named.key);
  } else {
    period = pastYear(now, timeZone);
  }
  if (period.start > now.getTime()) return { field: period.kind === 'range' ? 'from' : 'period', message: 'The period must not start after today.' };
  if (period.start < Date.UTC(1970, 0, 1)) return { field: period.kind === 'range' ? 'from' : 'period', message: 'The period must not start before 1970.' };
  const q = query.toString();
  return { componentIds: ids, period, key: q ? `/uptime?${q}` : '/uptime' };
}
