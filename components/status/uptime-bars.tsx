'use client';

import { useState } from 'react';
import { formatDuration } from '@/lib/domain/duration';
import { uptimePercent } from '@/lib/domain/uptime';
import type { UptimeDayView } from '@/lib/services/views';
import { formatDayKey } from '@/components/ui/format-time';

function barColour(day: UptimeDayView): string {
  if (day.uptime === null) return 'bg-bar-nodata';
  if (day.majorMs > 0) return 'bg-bar-major';
  if (day.partialMs > 0) return 'bg-bar-partial';
  if (day.degradedMs > 0) return 'bg-bar-degraded';
  if (day.maintenanceMs > 0) return 'bg-bar-maintenance';
  return 'bg-bar-operational';
}

function dayLabel(day: UptimeDayView): string {
  const uptime = day.uptime === null ? 'no data' : `${(uptimePercent([day]) ?? 0).toFixed(2)}% uptime`;
  return `${formatDayKey(day.key)}: ${uptime}`;
}

/**
 * One bar per day, each focusable. Hovering or focusing a bar shows one tooltip (day, uptime,
 * outage time, incidents), placed against the row so it never leaves the screen. Rendering a
 * single tooltip on demand keeps the page small: 90 bars × every component add up.
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
  const [active, setActive] = useState<number | null>(null);
  const count = days.length;
  const tipId = `uptime-tip-${componentId}`;
  const day = active === null ? undefined : days[active];
  const centre = active === null ? 0 : ((active + 0.5) / count) * 100;

  return (
    <div className="mt-2">
      <div className="relative" onMouseLeave={() => setActive(null)}>
        <ul className="flex h-8 gap-px sm:gap-0.5" aria-label={`${componentName}: uptime for the last ${count} days`}>
          {days.map((d, index) => (
            <li key={d.key} className="flex min-w-0 flex-1">
              <button
                type="button"
                data-day={d.key}
                aria-label={dayLabel(d)}
                aria-describedby={active === index ? tipId : undefined}
                onFocus={() => setActive(index)}
                onBlur={() => setActive((current) => (current === index ? null : current))}
                onMouseEnter={() => setActive(index)}
                className={`uptime-bar ${barColour(d)}`}
              />
            </li>
          ))}
        </ul>
        {day && (
          <div
            id={tipId}
            role="tooltip"
            style={{ left: `clamp(0px, calc(${centre}% - 8rem), calc(100% - 16rem))` }}
            className="pointer-events-none absolute top-10 z-20 w-64 max-w-full rounded-md border border-neutral-200 bg-white p-3 text-sm shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
          >
            <p className="font-semibold">{formatDayKey(day.key)}</p>
            <p className="text-neutral-700 dark:text-neutral-300">
              {day.uptime === null ? 'No data for this day' : `${(uptimePercent([day]) ?? 0).toFixed(2)}% uptime`}
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
        <span>{count} days ago</span>
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
