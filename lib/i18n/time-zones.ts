/** The zones this runtime formats; UTC is not in Intl's list but is always valid. */
let zones: Set<string> | undefined;

/** Whether `value` is an IANA time zone name (validated against `Intl.supportedValuesOf('timeZone')`). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC']);
  return zones.has(value);
}

/** The zones a form offers, UTC first then by name. */
export function timeZoneChoices(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
}
