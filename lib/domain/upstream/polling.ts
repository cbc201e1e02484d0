/**
 * When to read an upstream again and when to stop trusting what was read. Pure: `now` and the
 * answers' headers come in.
 */

/** The `max-age` of a Cache-Control header, in seconds; undefined when absent or unreadable. */
export function maxAgeSeconds(cacheControl: string | null | undefined): number | undefined {
  if (!cacheControl) return undefined;
  const match = /(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*"?(\d{1,9})"?/i.exec(cacheControl);
  if (/(?:^|,)\s*(?:no-store|no-cache)\b/i.test(cacheControl)) return 0;
  return match ? Number(match[1]) : undefined;
}

/**
 * When the page may be read next: after its max-age, but never sooner than the configured
 * minimum interval (a page saying max-age=0 is still not read every tick), nor later than a day.
 */
export function nextFetchAt(now: Date, minSeconds: number, cacheControl?: string | null): Date {
  const age = maxAgeSeconds(cacheControl) ?? 0;
  const seconds = Math.min(Math.max(age, minSeconds), 86_400);
  return new Date(now.getTime() + seconds * 1000);
}

/** Whether a run of failures that began at `failingSince` has outlasted the grace period. */
export function pastGrace(failingSince: string | null, now: Date, graceSeconds: number): boolean {
  return failingSince !== null && now.getTime() - Date.parse(failingSince) >= graceSeconds * 1000;
}
