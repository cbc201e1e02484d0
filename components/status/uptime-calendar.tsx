'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef, useState, type KeyboardEvent } from 'react';
import { formatDuration } from '@/lib/domain/duration';
import type { CalendarDayView, CalendarMonthView } from '@/lib/services/uptime-views';
import { LocalLink } from '@/components/i18n/locale-prefix';
import { TranslatedText } from '@/components/status/translated-text';
import { formatUptime } from '@/components/status/uptime-formula';
import { dateLocale, formatDayKey, monthLabel } from '@/components/ui/format-time';

/** Weekday initials from Monday, in the page's language (M T W…, L M M…). */
function weekdays(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i, 12))));
}

/** The cell colour of a day: its worst status that day, grey for no data. */
function cellClass(day: CalendarDayView): string {
  if (day.uptime === null) return 'bg-bar-nodata';
  if (day.majorMs > 0) return 'bg-bar-major';
  if (day.partialMs > 0) return 'bg-bar-partial';
  if (day.degradedMs > 0) return 'bg-bar-degraded';
  if (day.maintenanceMs > 0) return 'bg-bar-maintenance';
  return 'bg-bar-operational';
}

type CalendarTexts = ReturnType<typeof useTranslations<'uptime.calendar'>>;

/** What a day was, in words and the page's language: the cell's accessible name and the first line of the detail. */
export function dayLabel(day: CalendarDayView, t: CalendarTexts, locale: string): string {
  const date = formatDayKey(day.key, dateLocale(locale));
  if (day.uptime === null) return t('noData', { date });
  const duration = (ms: number) => formatDuration(ms, locale);
  const parts = [t('uptime', { date, percent: formatUptime(day.percent ?? 0, locale) })];
  if (day.majorMs > 0) parts.push(t('major', { duration: duration(day.majorMs) }));
  if (day.partialMs > 0) parts.push(t('partial', { duration: duration(day.partialMs) }));
  if (day.degradedMs > 0) parts.push(t('degraded', { duration: duration(day.degradedMs) }));
  if (day.maintenanceMs > 0) parts.push(t('maintenance', { duration: duration(day.maintenanceMs) }));
  if (day.incidents.length > 0) parts.push(t('incidents', { count: day.incidents.length }));
  return parts.join(', ');
}

/**
 * Twelve months of daily cells. One tab stop for the whole calendar (arrow keys move a day or a
 * week, Home/End go to the first and last day); the day under the pointer, tapped or focused
 * is described below the calendar, with links to its incidents. Without JavaScript every cell
 * still carries its day in words (title and accessible name).
 */
export function UptimeCalendar({ months }: { months: CalendarMonthView[] }) {
  const t = useTranslations('uptime.calendar');
  const locale = useLocale();
  const days = months.flatMap((m) => m.days);
  const lastObserved = days.findLastIndex((d) => d.uptime !== null);
  const [selected, setSelected] = useState(Math.max(0, lastObserved));
  const cells = useRef<(HTMLButtonElement | null)[]>([]);
  // Where the pointer last picked a day: a focus that scrolls the page makes the browser report
  // the pointer entering whatever cell slid under it, at the same coordinates; that is no pick.
  const lastPointer = useRef({ x: Number.NaN, y: Number.NaN });
  if (days.length === 0) return null;

  const move = (to: number) => {
    const next = Math.min(days.length - 1, Math.max(0, to));
    setSelected(next);
    cells.current[next]?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    if (e.key in step) move(selected + step[e.key]!);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(days.length - 1);
    else return;
    e.preventDefault();
  };

  const day = days[selected]!;
  let index = 0;
  return (
    <div>
      <div role="group" aria-label={t('label')} onKeyDown={onKey} className="grid grid-cols-2 gap-x-4 gap-y-5 sm:grid-cols-3 md:grid-cols-4">
        {months.map((month) => (
          <div key={month.key}>
            <p className="mb-1 text-xs font-semibold text-neutral-700 dark:text-neutral-300" aria-hidden="true">
              {monthLabel(month.key, month.label, locale)}
            </p>
            <div className="grid grid-cols-7 gap-[3px]" aria-hidden={false}>
              {weekdays(locale).map((w, i) => (
                <span key={i} aria-hidden="true" className="text-center text-[9px] leading-3 text-neutral-600 dark:text-neutral-400">
                  {w}
                </span>
              ))}
              {Array.from({ length: month.offset }, (_, i) => (
                <span key={`pad-${i}`} aria-hidden="true" />
              ))}
              {month.days.map((d) => {
                const i = index++;
                const label = dayLabel(d, t, locale);
                return (
                  <button
                    key={d.key}
                    ref={(el) => {
                      cells.current[i] = el;
                    }}
                    type="button"
                    tabIndex={i === selected ? 0 : -1}
                    aria-label={label}
                    aria-pressed={i === selected}
                    title={label}
                    data-day={d.key}
                    onClick={() => setSelected(i)}
                    onFocus={() => setSelected(i)}
                    onPointerEnter={(e) => {
                      if (e.clientX === lastPointer.current.x && e.clientY === lastPointer.current.y) return;
                      lastPointer.current = { x: e.clientX, y: e.clientY };
                      setSelected(i);
                    }}
                    className={`aspect-square w-full rounded-[3px] ${cellClass(d)} ${
                      i === selected ? 'ring-2 ring-neutral-900 ring-offset-1 dark:ring-neutral-100 dark:ring-offset-neutral-950' : ''
                    } focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-neutral-900 dark:focus-visible:outline-neutral-100`}
                  />
                );
              })}
            </div>
          </div>
        ))}
      </div>
      <div aria-live="polite" className="mt-4 min-h-[4.5rem] rounded-md border border-neutral-200 bg-white p-3 text-sm dark:border-neutral-800 dark:bg-neutral-900" data-day-detail={day.key}>
        <p className="font-medium">{dayLabel(day, t, locale)}</p>
        {day.incidents.length > 0 ? (
          <ul className="mt-1 list-disc ps-5">
            {day.incidents.map((i) => (
              <li key={i.id}>
                <LocalLink prefetch={false} href={`/incidents/${i.id}`} className="inline-flex min-h-6 items-center underline underline-offset-2">
                  <TranslatedText original={i.name} translations={i.translations} field="name" />
                </LocalLink>
                {i.kind === 'maintenance' && <span className="text-neutral-600 dark:text-neutral-400"> {t('maintenanceMark')}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-neutral-600 dark:text-neutral-400">{day.uptime === null ? t('noDataDay') : t('noIncidentsDay')}</p>
        )}
      </div>
    </div>
  );
}
