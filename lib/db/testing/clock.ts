/** A hand-driven clock for service tests: time moves only when the test says so. */
export function testClock(start = '2026-06-01T12:00:00.000Z') {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance(minutes: number) {
      current += minutes * 60_000;
    },
    iso: () => new Date(current).toISOString(),
  };
}
