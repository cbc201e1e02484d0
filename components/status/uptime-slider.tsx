'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState, useSyncExternalStore } from 'react';
import { formatDuration } from '@/lib/domain/duration';
import { uptimePercent } from '@/lib/domain/uptime';
import type { UptimeDayView } from '@/lib/services/views';
import { dateLocale, formatDayKey } from '@/components/ui/format-time';

/** Days shown below the `sm` breakpoint (CSS shows the newest part of the drawing; see .uptime-bars in globals.css). */
const NARROW_DAYS = 30;
const NARROW = '(max-width: 639.98px)';

/** A day's colour, one letter: ok, degraded, partial, major (x), maintenance, no data. */
export type DayCode = 'o' | 'd' | 'p' | 'x' | 'm' | 'n';
const CODE_CLASS: Record<DayCode, string> = { o: 'u-ok', d: 'u-deg', p: 'u-part', x: 'u-major', m: 'u-maint', n: 'u-none' };
const CODES = Object.keys(CODE_CLASS) as DayCode[];

const DAY_MS = 86_400_000;
const dayKey = (first: string, index: number) => new Date(Date.parse(`${first}T12:00:00Z`) + index * DAY_MS).toISOString().slice(0, 10);

/** A clean day (all operational, or no data; no incident) as the tooltip and value text read it. */
const cleanDay = (key: string, code: string): UptimeDayView => ({
  key,
  observedMs: code === 'n' ? 0 : DAY_MS,
  majorMs: 0,
  partialMs: 0,
  degradedMs: 0,
  maintenanceMs: 0,
  uptime: code === 'n' ? null : 1,
  incidents: [],
});

/**
 * One subpath per run of days of a colour: with the path's dashes (0.8 day drawn, 0.2 day gap,
 * restarting at each subpath) a run draws its days' bars, so a component is a handful of paths.
 */
function runs(codes: string, code: DayCode): string {
  let d = '';
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] !== code || codes[i - 1] === code) continue;
    let j = i;
    while (codes[j + 1] === code) j++;
    d += `M${i} .5h${j - i + 1}`;
  }
  return d;
}

type UptimeTexts = ReturnType<typeof useTranslations<'status.uptime'>>;

/** A day's words in the page's language: its date, uptime and the outage lines the tooltip shows. */
function dayLines(day: UptimeDayView, t: UptimeTexts, locale: string) {
  const duration = (ms: number) => formatDuration(ms, locale);
  return {
    date: formatDayKey(day.key, dateLocale(locale)),
    uptime: day.uptime === null ? t('noDataDay') : t('percent', { percent: formatPercent(uptimePercent([day]) ?? 0, locale) }),
    outages: [
      day.majorMs > 0 && { className: 'text-status-major', text: t('major', { duration: duration(day.majorMs) }) },
      day.partialMs > 0 && { className: 'text-status-partial', text: t('partial', { duration: duration(day.partialMs) }) },
      day.degradedMs > 0 && { className: 'text-status-degraded', text: t('degraded', { duration: duration(day.degradedMs) }) },
      day.maintenanceMs > 0 && { className: 'text-status-maintenance', text: t('maintenance', { duration: duration(day.maintenanceMs) }) },
    ].filter((line): line is { className: string; text: string } => Boolean(line)),
  };
}

/** What a screen reader hears for a day: date, uptime, outage times and incidents. */
function dayText(day: UptimeDayView, t: UptimeTexts, locale: string): string {
  const lines = dayLines(day, t, locale);
  if (day.uptime === null) return `${lines.date}: ${lines.uptime}`;
  const incidents = day.incidents.length === 0 ? t('noIncidents') : day.incidents.map((i) => i.name).join('; ');
  return [`${lines.date}: ${lines.uptime}`, ...lines.outages.map((l) => l.text), incidents].join(', ');
}

/** An uptime figure with two decimals in the page's language (99.95, 99,95). */
const formatPercent = (percent: number, locale: string) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(percent);

const subscribeNarrow = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

/**
 * A component's daily uptime as ONE control (a slider over the days): one tab stop per component,
 * arrow keys, Home/End and Page Up/Down move between days, the day's detail is its value text
 * (announced by screen readers) and a tooltip. The bars are one inline SVG of a few paths, so
 * 90 days × 200 components stay light; a pointer anywhere on the row (32 px tall) picks a day.
 * Phones see the last 30 days: CSS widens the drawing and shows its newest third, so the server
 * HTML is the same for everyone.
 */
export function UptimeSlider({
  componentId,
  componentName,
  firstDay,
  codes,
  eventful,
  percent,
}: {
  componentId: string;
  componentName: string;
  /** The first day's key (yyyy-mm-dd); the others follow day by day. */
  firstDay: string;
  /** One DayCode per day, oldest first. */
  codes: string;
  /** The days with outage time or incidents, by index (the others are all operational or no data). */
  eventful: [number, UptimeDayView][];
  percent: number | null;
}) {
  const t = useTranslations('status.uptime');
  const locale = useLocale();
  const count = codes.length;
  const narrow = useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW).matches, () => false);
  const first = narrow ? Math.max(0, count - NARROW_DAYS) : 0;
  const [active, setActive] = useState<number | null>(null);
  const [shown, setShown] = useState(false);
  const current = Math.max(first, active ?? count - 1);
  const detail = eventful.find(([index]) => index === current)?.[1];
  const day = current < count ? (detail ?? cleanDay(dayKey(firstDay, current), codes[current]!)) : undefined;
  const tipId = `uptime-tip-${componentId}`;
  const visible = count - first;
  const centre = ((current - first + 0.5) / visible) * 100;

  const move = (to: number) => {
    setActive(Math.min(count - 1, Math.max(first, to)));
    setShown(true);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const step: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -7, PageUp: 7 };
    if (e.key in step) move(current + step[e.key]!);
    else if (e.key === 'Home') move(first);
    else if (e.key === 'End') move(count - 1);
    else if (e.key === 'Escape') setShown(false);
    else return;
    e.preventDefault();
  };
  const onPointer = (e: React.PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    if (box.width > 0) move(first + Math.floor(((e.clientX - box.left) / box.width) * visible));
  };

  if (!day) return null;
  const lines = dayLines(day, t, locale);
  return (
    <div className="mt-2">
      <div className="relative">
        <div
          role="slider"
          tabIndex={0}
          aria-label={t('byDay', { name: componentName })}
          aria-valuemin={first}
          aria-valuemax={count - 1}
          aria-valuenow={current}
          aria-valuetext={dayText(day, t, locale)}
          data-uptime={componentId}
          data-days={count}
          style={{ '--days': count } as React.CSSProperties}
          className="uptime-bars"
          onKeyDown={onKeyDown}
          onFocus={() => setShown(true)}
          onBlur={() => setShown(false)}
          onPointerMove={onPointer}
          onPointerDown={onPointer}
          onPointerLeave={() => setShown(false)}
        >
          <svg viewBox={`0 0 ${count} 1`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
            {CODES.map((code) => {
              const d = runs(codes, code);
              return d && <path key={code} className={CODE_CLASS[code]} d={d} />;
            })}
            {shown && <path className="u-active" d={`M${current} .5h1`} />}
          </svg>
        </div>
        {shown && (
          <div
            id={tipId}
            role="tooltip"
            style={{ left: `clamp(0px, calc(${centre}% - 8rem), calc(100% - 16rem))` }}
            className="pointer-events-none absolute top-10 z-20 w-64 max-w-full rounded-md border border-neutral-200 bg-white p-3 text-sm shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
          >
            <p className="font-semibold">{lines.date}</p>
            <p className="text-neutral-700 dark:text-neutral-300">{lines.uptime}</p>
            {lines.outages.map((line) => (
              <p key={line.className} className={line.className}>
                {line.text}
              </p>
            ))}
            {day.incidents.length > 0 ? (
              <ul className="mt-1 border-t border-neutral-200 pt-1 dark:border-neutral-700">
                {day.incidents.map((incident) => (
                  <li key={incident.id}>{incident.name}</li>
                ))}
              </ul>
            ) : (
              day.uptime !== null && <p className="text-neutral-600 dark:text-neutral-400">{t('noIncidents')}</p>
            )}
          </div>
        )}
      </div>
      <div className="mt-1 flex items-center justify-between gap-2 text-xs text-neutral-600 dark:text-neutral-400">
        <span>
          <span className="sm:hidden">{t('daysAgo', { count: Math.min(count, NARROW_DAYS) })}</span>
          <span className="hidden sm:inline">{t('daysAgo', { count })}</span>
        </span>
        <span aria-hidden="true" className="h-px flex-1 bg-neutral-300 dark:bg-neutral-700" />
        <span className="font-medium text-neutral-800 dark:text-neutral-200">
          {percent === null ? t('noData') : t('percent', { percent: formatPercent(percent, locale) })}
        </span>
        <span aria-hidden="true" className="h-px flex-1 bg-neutral-300 dark:bg-neutral-700" />
        <span>{t('today')}</span>
      </div>
    </div>
  );
}
