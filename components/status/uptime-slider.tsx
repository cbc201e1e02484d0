'use client';

import { useState, useSyncExternalStore } from 'react';
import { formatDuration } from '@/lib/domain/duration';
import { uptimePercent } from '@/lib/domain/uptime';
import type { UptimeDayView } from '@/lib/services/views';
import { formatDayKey } from '@/components/ui/format-time';

/** Days shown below the `sm` breakpoint (CSS hides the older bars; see .uptime-bars in globals.css). */
const NARROW_DAYS = 30;
const NARROW = '(max-width: 639.98px)';

function barClass(day: UptimeDayView): string {
  if (day.uptime === null) return 'u-none';
  if (day.majorMs > 0) return 'u-major';
  if (day.partialMs > 0) return 'u-part';
  if (day.degradedMs > 0) return 'u-deg';
  if (day.maintenanceMs > 0) return 'u-maint';
  return 'u-ok';
}

const percentText = (day: UptimeDayView) => `${(uptimePercent([day]) ?? 0).toFixed(2)}% uptime`;

/** What a screen reader hears for a day: date, uptime, outage times and incidents. */
function dayText(day: UptimeDayView): string {
  if (day.uptime === null) return `${formatDayKey(day.key)}: no data`;
  const parts = [`${formatDayKey(day.key)}: ${percentText(day)}`];
  if (day.majorMs > 0) parts.push(`major outage ${formatDuration(day.majorMs)}`);
  if (day.partialMs > 0) parts.push(`partial outage ${formatDuration(day.partialMs)}`);
  if (day.degradedMs > 0) parts.push(`degraded ${formatDuration(day.degradedMs)}`);
  if (day.maintenanceMs > 0) parts.push(`maintenance ${formatDuration(day.maintenanceMs)}`);
  parts.push(day.incidents.length === 0 ? 'no incidents' : `incidents: ${day.incidents.map((i) => i.name).join('; ')}`);
  return parts.join(', ');
}

const subscribeNarrow = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

/**
 * A component's daily uptime as ONE control (a slider over the days): one tab stop per component,
 * arrow keys, Home/End and Page Up/Down move between days, the day's detail is its value text
 * (announced by screen readers) and a tooltip. The bars themselves are bare <i> elements, so
 * 90 days × 200 components stay light; a pointer anywhere on the row (32 px tall) picks a day.
 * Phones see the last 30 days: CSS hides the rest, so the server HTML is the same for everyone.
 */
export function UptimeBars({
  componentId,
  componentName,
  days,
  percent,
}: {
  componentId: string;
  componentName: string;
  days: UptimeDayView[];
  percent: number | null;
}) {
  const count = days.length;
  const narrow = useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW).matches, () => false);
  const first = narrow ? Math.max(0, count - NARROW_DAYS) : 0;
  const [active, setActive] = useState<number | null>(null);
  const [shown, setShown] = useState(false);
  const current = Math.max(first, active ?? count - 1);
  const day = days[current];
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
    const index = Array.prototype.indexOf.call(e.currentTarget.children, e.target);
    if (index >= 0) move(index);
  };

  if (!day) return null;
  return (
    <div className="mt-2">
      <div className="relative">
        <div
          role="slider"
          tabIndex={0}
          aria-label={`${componentName}: uptime by day`}
          aria-valuemin={first}
          aria-valuemax={count - 1}
          aria-valuenow={current}
          aria-valuetext={dayText(day)}
          data-uptime={componentId}
          className="uptime-bars"
          onKeyDown={onKeyDown}
          onFocus={() => setShown(true)}
          onBlur={() => setShown(false)}
          onPointerMove={onPointer}
          onPointerDown={onPointer}
          onPointerLeave={() => setShown(false)}
        >
          {days.map((d, index) => (
            <i key={d.key} className={shown && index === current ? `${barClass(d)} u-active` : barClass(d)} />
          ))}
        </div>
        {shown && (
          <div
            id={tipId}
            role="tooltip"
            style={{ left: `clamp(0px, calc(${centre}% - 8rem), calc(100% - 16rem))` }}
            className="pointer-events-none absolute top-10 z-20 w-64 max-w-full rounded-md border border-neutral-200 bg-white p-3 text-sm shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
          >
            <p className="font-semibold">{formatDayKey(day.key)}</p>
            <p className="text-neutral-700 dark:text-neutral-300">
              {day.uptime === null ? 'No data for this day' : percentText(day)}
            </p>
            {day.majorMs > 0 && <p className="text-status-major">Major outage: {formatDuration(day.majorMs)}</p>}
            {day.partialMs > 0 && <p className="text-status-partial">Partial outage: {formatDuration(day.partialMs)}</p>}
            {day.degradedMs > 0 && <p className="text-status-degraded">Degraded: {formatDuration(day.degradedMs)}</p>}
            {day.maintenanceMs > 0 && (
              <p className="text-status-maintenance">Maintenance: {formatDuration(day.maintenanceMs)}</p>
            )}
            {day.incidents.length > 0 ? (
              <ul className="mt-1 border-t border-neutral-200 pt-1 dark:border-neutral-700">
                {day.incidents.map((incident) => (
                  <li key={incident.id}>{incident.name}</li>
                ))}
              </ul>
            ) : (
              day.uptime !== null && <p className="text-neutral-600 dark:text-neutral-400">No incidents</p>
            )}
          </div>
        )}
      </div>
      <div className="mt-1 flex items-center justify-between gap-2 text-xs text-neutral-600 dark:text-neutral-400">
        <span>
          <span className="sm:hidden">{Math.min(count, NARROW_DAYS)} days ago</span>
          <span className="hidden sm:inline">{count} days ago</span>
        </span>
        <span aria-hidden="true" className="h-px flex-1 bg-neutral-300 dark:bg-neutral-700" />
        <span className="font-medium text-neutral-800 dark:text-neutral-200">
          {percent === null ? 'No data' : `${percent.toFixed(2)} % uptime`}
        </span>
        <span aria-hidden="true" className="h-px flex-1 bg-neutral-300 dark:bg-neutral-700" />
        <span>Today</span>
      </div>
    </div>
  );
}
