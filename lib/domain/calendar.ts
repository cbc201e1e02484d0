import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format, startOfDay, startOfMonth, subDays, subMonths } from 'date-fns';

/** A span of time in epoch ms, [start, end). */
export interface TimeWindow {
  key: string;
  start: number;
  end: number;
}

function assertCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
}

/** The last `count` calendar days in `timeZone`, oldest first, ending with today (not clipped to now). */
export function lastDays(now: Date, count: number, timeZone: string): TimeWindow[] {
  assertCount('count', count, 0);
  const today = startOfDay(new TZDate(now, timeZone));
  const days: TimeWindow[] = [];
  for (let back = count - 1; back >= 0; back--) {
    // startOfDay again after shifting: a day whose midnight is skipped by DST starts later than 00:00.
    const start = startOfDay(subDays(today, back));
    const end = startOfDay(addDays(start, 1));
    days.push({ key: format(start, 'yyyy-MM-dd'), start: start.getTime(), end: end.getTime() });
  }
  return days;
}

/** One page of calendar months in `timeZone`, newest first; page 1 holds the current month. */
export function historyMonths(
  now: Date,
  page: number,
  timeZone: string,
  monthsPerPage = 3,
): (TimeWindow & { label: string })[] {
  assertCount('page', page, 1);
  assertCount('monthsPerPage', monthsPerPage, 1);
  const thisMonth = startOfMonth(new TZDate(now, timeZone));
  const firstBack = (page - 1) * monthsPerPage;
  return Array.from({ length: monthsPerPage }, (_, i) => {
    const start = startOfMonth(subMonths(thisMonth, firstBack + i));
    const end = startOfMonth(addMonths(start, 1));
    return {
      key: format(start, 'yyyy-MM'),
      label: format(start, 'MMMM yyyy'),
      start: start.getTime(),
      end: end.getTime(),
    };
  });
}
