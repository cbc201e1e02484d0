import type { ViewName } from '@/lib/domain/system-metrics/views';

const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthNames = new Map<string, string[]>([['en', ENGLISH_MONTHS]]);

/** The twelve short month names of a language ("Jan" … in English, "Jan." … "Dez." in German), read once. */
function monthsOf(locale: string): string[] {
  let names = monthNames.get(locale);
  if (!names) {
    const format = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    names = Array.from({ length: 12 }, (_, m) => format.format(Date.UTC(2026, m, 15)));
    monthNames.set(locale, names);
  }
  return names;
}
const offsets = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in seconds (e.g. 3600 for CET). */
export function zoneOffsetSeconds(seconds: number, timeZone: string): number {
  let format = offsets.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsets.set(timeZone, format);
  }
  const name = format.formatToParts(new Date(seconds * 1000)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const match = /([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60);
}

/**
 * Labels instants of one chart view in the page's zone, cheaply: the zone's offset is read once
 * per view (twice when the view crosses a clock change, then per instant), the rest is arithmetic.
 */
export function viewClock(start: number, end: number, timeZone: string, locale = 'en') {
  const months = monthsOf(locale);
  const first = zoneOffsetSeconds(start, timeZone);
  const steady = first === zoneOffsetSeconds(end, timeZone);
  const local = (s: number) => new Date((s + (steady ? first : zoneOffsetSeconds(s, timeZone))) * 1000);
  const hhmm = (d: Date) => `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  const dayMonth = (d: Date) => `${d.getUTCDate()} ${months[d.getUTCMonth()]}`;
  return {
    /** "2 Dec, 14:05" */
    dateTime: (s: number) => {
      const d = local(s);
      return `${dayMonth(d)}, ${hhmm(d)}`;
    },
    /**
     * The x-axis label of the interval starting at `s`, or null where the axis has none: every
     * 6 hours on a day, each midnight on a week, every 7th midnight on a month.
     */
    axisLabel: (s: number, view: ViewName, interval: number): string | null => {
      const d = local(s);
      const secondsOfDay = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
      if (view === 'day') return secondsOfDay % 21_600 < interval ? hhmm(d) : null;
      if (secondsOfDay >= interval) return null;
      if (view === 'week') return dayMonth(d);
      return Math.floor(d.getTime() / 86_400_000) % 7 === 0 ? dayMonth(d) : null;
    },
  };
}
