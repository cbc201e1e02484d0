import type { UptimeDayView } from '@/lib/services/views';
import { UptimeSlider, type DayCode } from '@/components/status/uptime-slider';

function codeOf(day: UptimeDayView): DayCode {
  if (day.uptime === null) return 'n';
  if (day.majorMs > 0) return 'x';
  if (day.partialMs > 0) return 'p';
  if (day.degradedMs > 0) return 'd';
  if (day.maintenanceMs > 0) return 'm';
  return 'o';
}

/**
 * A component's 90 daily bars. What goes to the browser is small: one letter per day and the
 * detail of only the days that had something (outage time, incidents); a clean day's detail
 * (all operational, or no data) follows from its date and letter. At 200 components the page's data for the bars stays a few kilobytes, not megabytes.
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
  if (days.length === 0) return null;
  const codes = days.map(codeOf);
  const eventful: [number, UptimeDayView][] = [];
  days.forEach((day, index) => {
    if ((codes[index] !== 'o' && codes[index] !== 'n') || day.incidents.length > 0) eventful.push([index, day]);
  });
  return (
    <UptimeSlider
      componentId={componentId}
      componentName={componentName}
      firstDay={days[0]!.key}
      codes={codes.join('')}
      eventful={eventful}
      percent={percent}
    />
  );
}
