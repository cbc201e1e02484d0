/** The formatting locale for a page language: English pages keep their British dates ("26 Nov 2026"). */
export function dateLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : locale;
}

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

/** A month key (YYYY-MM) in the page's language; English keeps the server's label. */
export function monthLabel(key: string, label: string, locale: string): string {
  if (locale === 'en' || !/^\d{4}-\d{2}$/.test(key)) return label;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${key}-15T12:00:00Z`));
}
