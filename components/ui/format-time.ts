/** Formats an instant in a time zone, with the zone named (e.g. "26 Nov 2026, 23:40 CET"). */
export function formatDateTime(iso: string, timeZone: string | undefined, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** Formats only the date part (e.g. "26 Nov 2026"). */
export function formatDate(iso: string, timeZone: string | undefined, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(
    new Date(iso),
  );
}

/** A calendar day key (YYYY-MM-DD) as a readable date, without time zone shifts. */
export function formatDayKey(key: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${key}T12:00:00Z`),
  );
}
