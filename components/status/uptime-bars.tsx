import type { UptimeDayView } from '@/lib/services/views';
import { formatDayKey } from '@/components/ui/format-time';
import { formatDuration } from '@/lib/domain/duration';
import { uptimePercent } from '@/lib/domain/uptime';

function barColour(day: UptimeDayView): string {
  if (day.uptime === null) return 'bg-bar-nodata';
  if (day.majorMs > 0) return 'bg-bar-major';
  if (day.partialMs > 0) return 'bg-bar-partial';
  if (day.degradedMs > 0) return 'bg-bar-degraded';
  if (day.maintenanceMs > 0) return 'bg-bar-maintenance';
  return 'bg-bar-operational';
}

function percent(day: UptimeDayView): string {
  return `${(uptimePercent([day]) ?? 0).toFixed(2)}%`;
}

/**
 * One bar per day; each is focusable and shows a tooltip (day, uptime, incidents) on hover
 * and on keyboard focus. The tooltip is placed against the row so it never leaves the screen.
 */
export function UptimeBars({
  componentId,
  componentName,
  days,
  percent: total,
}: {
  componentId: string;
  componentName: string;
  days: UptimeDayView[];
  percent: number | null;
}) {
  const count = days.length;
  return (
    <div className="mt-2">
      <ul className="relative flex h-8 gap-px sm:gap-0.5" aria-label={`${componentName}: uptime for the last ${count} days`}>
        {days.map((day, index) => {
          const tipId = `tip-${componentId}-${day.key}`;
          const label = formatDayKey(day.key);
          const centre = ((index + 0.5) / count) * 100;
          return (
            <li key={day.key} className="group flex min-w-0 flex-1">
              <button
                type="button"
                aria-label={`${label}: ${day.uptime === null ? 'no data' : `${percent(day)} uptime`}`}
                aria-describedby={tipId}
                data-day={day.key}
                className={`h-full w-full min-w-0 rounded-[1px] ${barColour(day)} outline-offset-2 hover:opacity-70 focus-visible:outline-2 focus-visible:outline-neutral-900 dark:focus-visible:outline-neutral-100`}
              />
              <span
                id={tipId}
                role="tooltip"
                style={{ left: `clamp(0px, calc(${centre}% - 8rem), calc(100% - 16rem))` }}
                className="pointer-events-none absolute top-10 z-20 hidden w-64 max-w-full rounded-md border border-neutral-200 bg-white p-3 text-left text-sm shadow-lg group-focus-within:block group-hover:block dark:border-neutral-700 dark:bg-neutral-900"
              >
                <span className="block font-semibold">{label}</span>
                <span className="block text-neutral-700 dark:text-neutral-300">
                  {day.uptime === null ? 'No data for this day' : `${percent(day)} uptime`}
                </span>
                {day.majorMs > 0 && <span className="block text-status-major">Major outage: {formatDuration(day.majorMs)}</span>}
                {day.partialMs > 0 && (
                  <span className="block text-status-partial">Partial outage: {formatDuration(day.partialMs)}</span>
                )}
                {day.degradedMs > 0 && (
                  <span className="block text-status-degraded">Degraded: {formatDuration(day.degradedMs)}</span>
                )}
                {day.maintenanceMs > 0 && (
                  <span className="block text-status-maintenance">Maintenance: {formatDuration(day.maintenanceMs)}</span>
                )}
                {day.incidents.length > 0 ? (
                  <span className="mt-1 block border-t border-neutral-200 pt-1 dark:border-neutral-700">
                    {day.incidents.map((incident) => (
                      <span key={incident.id} className="block">
                        {incident.name}
                      </span>
                    ))}
                  </span>
                ) : (
                  day.uptime !== null && <span className="block text-neutral-600 dark:text-neutral-400">No incidents</span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <div className="mt-1 flex items-center justify-between gap-2 text-xs text-neutral-600 dark:text-neutral-400">
        <span>{count} days ago</span>
        <span aria-hidden="true" className="h-px flex-1 bg-neutral-300 dark:bg-neutral-700" />
        <span className="font-medium text-neutral-800 dark:text-neutral-200">
          {total === null ? 'No data' : `${total.toFixed(2)} % uptime`}
        </span>
        <span aria-hidden="true" className="h-px flex-1 bg-neutral-300 dark:bg-neutral-700" />
        <span>Today</span>
      </div>
    </div>
  );
}
