const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in words with its two largest units, truncated: "2 hours 15 minutes", "3 days 4 hours";
 * in another language, its own unit words ("2 Stunden 15 Minuten").
 */
export function formatDuration(ms: number, locale = 'en'): string {
  if (locale !== 'en') return formatDurationIn(ms, locale);
  if (!Number.isFinite(ms) || ms < MINUTE) return 'less than a minute';
  const units: [number, string][] = [
    [Math.floor(ms / DAY), 'day'],
    [Math.floor((ms % DAY) / HOUR), 'hour'],
    [Math.floor((ms % HOUR) / MINUTE), 'minute'],
  ];
  const largest = units.findIndex(([count]) => count > 0);
  return units
    .slice(largest, largest + 2)
    .filter(([count]) => count > 0)
    .map(([count, name]) => `${count} ${name}${count === 1 ? '' : 's'}`)
    .join(' ');
}

function formatDurationIn(ms: number, locale: string): string {
  const unit = (count: number, name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(count);
  if (!Number.isFinite(ms) || ms < MINUTE) return `< ${unit(1, 'minute')}`;
  const units: [number, 'day' | 'hour' | 'minute'][] = [
    [Math.floor(ms / DAY), 'day'],
    [Math.floor((ms % DAY) / HOUR), 'hour'],
    [Math.floor((ms % HOUR) / MINUTE), 'minute'],
  ];
  const largest = units.findIndex(([count]) => count > 0);
  return units
    .slice(largest, largest + 2)
    .filter(([count]) => count > 0)
    .map(([count, name]) => unit(count, name))
    .join(' ');
}
