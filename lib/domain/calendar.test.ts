import { describe, it, expect } from 'vitest';
import { historyMonths, lastDays } from '@/lib/domain/calendar';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('lastDays', () => {
  it('returns UTC days oldest first, ending with today', () => {
    const days = lastDays(new Date('2026-03-02T10:30:00Z'), 3, 'UTC');
    expect(days.map((d) => d.key)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
    expect(iso(days[0]!.start)).toBe('2026-02-28T00:00:00.000Z');
    expect(iso(days[2]!.end)).toBe('2026-03-03T00:00:00.000Z'); // not clamped to now
  });

  it('tiles time with no gaps or overlaps', () => {
    const days = lastDays(new Date('2026-11-15T12:00:00Z'), 90, 'Europe/Berlin');
    expect(days).toHaveLength(90);
    days.slice(1).forEach((d, i) => expect(d.start).toBe(days[i]!.end));
  });

  it('returns an empty list for zero days and refuses a negative count', () => {
    expect(lastDays(new Date(), 0, 'UTC')).toEqual([]);
    expect(() => lastDays(new Date(), -1, 'UTC')).toThrow(RangeError);
    expect(() => lastDays(new Date(), 1.5, 'UTC')).toThrow(RangeError);
  });

  it('makes the spring-forward day 23 hours long (Europe/Berlin 2026-03-29)', () => {
    const days = lastDays(new Date('2026-03-30T08:00:00Z'), 3, 'Europe/Berlin');
    expect(days.map((d) => d.key)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    const [before, dst, after] = days;
    expect(iso(dst!.start)).toBe('2026-03-28T23:00:00.000Z'); // 00:00 CET
    expect(iso(dst!.end)).toBe('2026-03-29T22:00:00.000Z'); // 00:00 CEST
    expect(dst!.end - dst!.start).toBe(23 * HOUR);
    expect(before!.end - before!.start).toBe(24 * HOUR);
    expect(after!.end - after!.start).toBe(24 * HOUR);
  });

  it('makes the fall-back day 25 hours long (Europe/Berlin 2026-10-25)', () => {
    const days = lastDays(new Date('2026-10-25T23:30:00Z'), 2, 'Europe/Berlin'); // 00:30 on the 26th locally
    expect(days.map((d) => d.key)).toEqual(['2026-10-25', '2026-10-26']);
    expect(iso(days[0]!.start)).toBe('2026-10-24T22:00:00.000Z');
    expect(days[0]!.end - days[0]!.start).toBe(25 * HOUR);
  });

  it('uses the local calendar day in a negative-offset zone', () => {
    // 03:00 UTC on Jan 1 is still Dec 31 in New York.
    const days = lastDays(new Date('2027-01-01T03:00:00Z'), 2, 'America/New_York');
    expect(days.map((d) => d.key)).toEqual(['2026-12-30', '2026-12-31']);
    expect(iso(days[1]!.start)).toBe('2026-12-31T05:00:00.000Z');
    expect(iso(days[1]!.end)).toBe('2027-01-01T05:00:00.000Z');
  });

  it('starts a day whose midnight does not exist at its first real instant (America/Santiago)', () => {
    // Chile springs forward at 00:00 on 2026-09-06: the day begins at 01:00 -03.
    const days = lastDays(new Date('2026-09-06T15:00:00Z'), 2, 'America/Santiago');
    expect(days.map((d) => d.key)).toEqual(['2026-09-05', '2026-09-06']);
    expect(iso(days[1]!.start)).toBe('2026-09-06T04:00:00.000Z');
    expect(days[0]!.end).toBe(days[1]!.start);
    expect(days[1]!.end - days[1]!.start).toBe(23 * HOUR);
  });
});

describe('historyMonths', () => {
  it('puts the current month and the two before it on page 1, newest first', () => {
    const months = historyMonths(new Date('2026-11-20T12:00:00Z'), 1, 'UTC');
    expect(months.map((m) => [m.key, m.label])).toEqual([
      ['2026-11', 'November 2026'],
      ['2026-10', 'October 2026'],
      ['2026-09', 'September 2026'],
    ]);
    expect(iso(months[0]!.start)).toBe('2026-11-01T00:00:00.000Z');
    expect(iso(months[0]!.end)).toBe('2026-12-01T00:00:00.000Z');
  });

  it('rolls over the year on page 2', () => {
    const months = historyMonths(new Date('2027-02-10T00:00:00Z'), 2, 'UTC');
    expect(months.map((m) => m.key)).toEqual(['2026-11', '2026-10', '2026-09']);
  });

  it('reaches 12–14 months back on page 5', () => {
    const months = historyMonths(new Date('2026-11-20T12:00:00Z'), 5, 'UTC');
    expect(months.map((m) => m.label)).toEqual(['November 2025', 'October 2025', 'September 2025']);
  });

  it('uses the month in the given zone at a month boundary', () => {
    const now = new Date('2026-12-01T02:00:00Z'); // still November 30 in Los Angeles
    expect(historyMonths(now, 1, 'UTC')[0]!.key).toBe('2026-12');
    const la = historyMonths(now, 1, 'America/Los_Angeles');
    expect(la[0]!.key).toBe('2026-11');
    expect(iso(la[0]!.start)).toBe('2026-11-01T07:00:00.000Z'); // PDT until Nov 1 02:00
    expect(iso(la[0]!.end)).toBe('2026-12-01T08:00:00.000Z'); // PST
  });

  it('includes a DST change inside a month (Europe/Berlin October)', () => {
    const [october] = historyMonths(new Date('2026-10-31T12:00:00Z'), 1, 'Europe/Berlin');
    expect(october!.end - october!.start).toBe((31 * 24 + 1) * HOUR);
  });

  it('honours a custom page size and tiles months', () => {
    const months = historyMonths(new Date('2026-03-15T00:00:00Z'), 2, 'UTC', 6);
    expect(months.map((m) => m.key)).toEqual(['2025-09', '2025-08', '2025-07', '2025-06', '2025-05', '2025-04']);
    months.slice(1).forEach((m, i) => expect(m.end).toBe(months[i]!.start));
  });

  it('refuses a page below 1', () => {
    expect(() => historyMonths(new Date(), 0, 'UTC')).toThrow(RangeError);
    expect(() => historyMonths(new Date(), 1, 'UTC', 0)).toThrow(RangeError);
  });
});
