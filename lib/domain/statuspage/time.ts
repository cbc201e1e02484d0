/** An ISO 8601 timestamp with milliseconds and an explicit offset (`Z`), whatever the driver returned. */
export function isoTime(value: string): string {
  return new Date(value).toISOString();
}

/** The same, keeping null. */
export function isoTimeOrNull(value: string | null): string | null {
  return value === null ? null : isoTime(value);
}

/** `YYYY-MM-DD`, as Statuspage writes `start_date`. */
export function isoDate(value: string | null): string | null {
  return value === null ? null : isoTime(value).slice(0, 10);
}
