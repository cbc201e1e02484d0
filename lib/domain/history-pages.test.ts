import { describe, expect, it } from 'vitest';
import { historyMonths } from '@/lib/domain/calendar';
import { historyPageCount, historyPageOf } from '@/lib/domain/history-pages';

describe('historyPageCount', () => {
  const now = new Date('2026-12-01T10:00:00Z');

  it('reaches back a year even with no incidents', () => {
    expect(historyPageCount(now, 'UTC', null, 3)).toBe(4);
    expect(historyPageCount(now, 'UTC', '2026-11-30T00:00:00Z', 3)).toBe(4);
  });

  it('ends on the page that holds the oldest incident', () => {
    for (const oldest of ['2023-01-15T00:00:00Z', '2021-06-01T00:00:00Z', '2019-12-31T23:59:00Z']) {
      const count = historyPageCount(now, 'UTC', oldest, 3);
      const last = historyMonths(now, count, 'UTC', 3);
      const t = Date.parse(oldest);
      expect(t >= last[last.length - 1]!.start && t < last[0]!.end).toBe(true);
    }
  });

  it('counts months in the page time zone', () => {
    // 1 Sep 2026 02:00 in Berlin is still August in UTC.
    expect(historyPageCount(now, 'Europe/Berlin', '2026-08-31T23:30:00Z', 1)).toBe(12);
    expect(historyPageCount(new Date('2027-12-01T10:00:00Z'), 'Europe/Berlin', '2026-08-31T23:30:00Z', 1)).toBe(16);
    expect(historyPageCount(new Date('2027-12-01T10:00:00Z'), 'UTC', '2026-08-31T23:30:00Z', 1)).toBe(17);
  });
});

describe('historyPageOf', () => {
  const now = new Date('2026-12-01T10:00:00Z');

  it('names the page whose months hold the time', () => {
    for (const at of ['2026-12-01T00:00:00Z', '2026-10-31T23:00:00Z', '2026-09-01T00:00:00Z', '2021-06-01T00:00:00Z']) {
      const months = historyMonths(now, historyPageOf(now, 'UTC', at, 3), 'UTC', 3);
      const t = Date.parse(at);
      expect(t >= months[months.length - 1]!.start && t < months[0]!.end).toBe(true);
    }
  });

  it('puts what lies ahead (scheduled maintenance) on the first page, in the page time zone', () => {
    expect(historyPageOf(now, 'UTC', '2027-03-01T00:00:00Z', 3)).toBe(1);
    // 1 Oct 2026 01:30 in Berlin: page 1's oldest month there, still September (page 2) in UTC.
    expect(historyPageOf(now, 'Europe/Berlin', '2026-09-30T23:30:00Z', 3)).toBe(1);
    expect(historyPageOf(now, 'UTC', '2026-09-30T23:30:00Z', 3)).toBe(2);
  });
});
