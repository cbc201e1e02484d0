import { TZDate } from '@date-fns/tz';
import { differenceInCalendarMonths } from 'date-fns';

/** History is reachable at least this far back, with or without incidents (retention: 365 days). */
export const HISTORY_MIN_MONTHS = 12;

/**
 * How many history pages exist: enough to reach back `HISTORY_MIN_MONTHS`, and further to the
 * page holding the oldest incident (`oldest`, an ISO time, or null when there is none).
 */
export function historyPageCount(now: Date, timeZone: string, oldest: string | null, monthsPerPage: number): number {
  const minimum = Math.ceil(HISTORY_MIN_MONTHS / monthsPerPage);
  if (!oldest) return minimum;
  const back = differenceInCalendarMonths(new TZDate(now, timeZone), new TZDate(new Date(oldest), timeZone));
  return Math.max(minimum, Math.floor(Math.max(0, back) / monthsPerPage) + 1);
}

/** The history page that lists something started at `startedAt` (an ISO time); 1 for the future. */
export function historyPageOf(now: Date, timeZone: string, startedAt: string, monthsPerPage: number): number {
  const back = differenceInCalendarMonths(new TZDate(now, timeZone), new TZDate(new Date(startedAt), timeZone));
  return Math.floor(Math.max(0, back) / monthsPerPage) + 1;
}
