import { describe, it, expect } from 'vitest';
import type { ComponentStatus } from '@/lib/domain/status';
import { minutesOf, uptimeByDay, uptimeFigure, type StatusInterval } from '@/lib/domain/uptime';
import { daysOf, monthsOf, namedPeriod } from '@/lib/domain/uptime-periods';

// The edge cases of issue #17, each written down with the figures a reader can check by hand.
const MIN = 60_000;
const iv = (status: ComponentStatus, startedAt: string, endedAt: string | null): StatusInterval => ({ status, startedAt, endedAt });
const LATER = new Date('2026-12-01T00:00:00Z');
const RULE = { partialWeight: 0.3, maintenanceCounts: false };

/** Per-month figures for January to March 2026 in `timeZone`. */
function months(history: StatusInterval[], timeZone = 'UTC', rule = RULE, since?: string) {
  const { start } = namedPeriod('2026-01', timeZone)!;
  const { end } = namedPeriod('2026-03', timeZone)!;
  const days = daysOf(start, end, timeZone);
  const byDay = uptimeByDay(history, days, LATER, rule, since);
  return monthsOf(start, end, timeZone).map((m) => ({
    key: m.key,
    ...uptimeFigure(byDay.filter((_, i) => days[i]!.start >= m.start && days[i]!.start < m.end), rule),
  }));
}

describe('uptime edge cases', () => {
  it('splits an outage across midnight and a month end between both days and both months', () => {
    const history = [
      iv('operational', '2025-12-01T00:00:00Z', '2026-01-31T23:00:00Z'),
      iv('major_outage', '2026-01-31T23:00:00Z', '2026-02-01T02:00:00Z'),
      iv('operational', '2026-02-01T02:00:00Z', null),
    ];
    const days = daysOf(Date.parse('2026-01-31T00:00:00Z'), Date.parse('2026-02-02T00:00:00Z'), 'UTC');
    expect(uptimeByDay(history, days, LATER, RULE).map((d) => [d.key, d.majorMs / MIN])).toEqual([
      ['2026-01-31', 60],
      ['2026-02-01', 120],
    ]);
    const [jan, feb] = months(history);
    expect([jan!.majorMs / MIN, feb!.majorMs / MIN]).toEqual([60, 120]);
    // January: 60 of 44,640 minutes down = 99.865… → 99.86; February: 120 of 40,320 = 99.702… → 99.70.
    expect([jan!.percent, feb!.percent]).toEqual([99.86, 99.7]);
  });

  it('counts time under overlapping outages once, at the worse status', () => {
    const history = [
      iv('operational', '2026-01-01T00:00:00Z', null),
      iv('major_outage', '2026-01-10T10:00:00Z', '2026-01-10T12:00:00Z'),
      iv('major_outage', '2026-01-10T11:00:00Z', '2026-01-10T13:00:00Z'),
      iv('partial_outage', '2026-01-10T12:30:00Z', '2026-01-10T14:00:00Z'),
    ];
    const [jan] = months(history);
    expect(jan!.majorMs / MIN).toBe(180); // 10:00–13:00, not 240
    expect(jan!.partialMs / MIN).toBe(60); // 13:00–14:00: the major outage wins until 13:00
    expect(jan!.observedMs / MIN).toBe(31 * 24 * 60);
  });

  it('weighs partial then major outage separately', () => {
    const history = [
      iv('operational', '2026-01-01T00:00:00Z', '2026-01-10T10:00:00Z'),
      iv('partial_outage', '2026-01-10T10:00:00Z', '2026-01-10T11:00:00Z'),
      iv('major_outage', '2026-01-10T11:00:00Z', '2026-01-10T12:00:00Z'),
      iv('operational', '2026-01-10T12:00:00Z', null),
    ];
    const [jan] = months(history);
    expect([jan!.partialMs / MIN, jan!.majorMs / MIN, jan!.downtimeMs / MIN]).toEqual([60, 60, 78]); // 60 + 0.3 × 60
    expect(months(history, 'UTC', { partialWeight: 1, maintenanceCounts: false })[0]!.downtimeMs / MIN).toBe(120);
  });

  it('follows a corrected end time: the figures are computed from the history as it is now', () => {
    const before = [
      iv('operational', '2026-01-01T00:00:00Z', '2026-01-10T10:00:00Z'),
      iv('major_outage', '2026-01-10T10:00:00Z', '2026-01-10T14:00:00Z'),
      iv('operational', '2026-01-10T14:00:00Z', null),
    ];
    // The operator corrects the outage's end from 14:00 to 10:45.
    const corrected = [before[0]!, iv('major_outage', '2026-01-10T10:00:00Z', '2026-01-10T10:45:00Z'), iv('operational', '2026-01-10T10:45:00Z', null)];
    expect(months(before)[0]!.majorMs / MIN).toBe(240);
    expect(months(corrected)[0]!.majorMs / MIN).toBe(45);
    expect(minutesOf(months(corrected)[0]!.majorMs)).toBe(45);
  });

  it('shows the days before a component created mid-month as no data, and its month over the days it existed', () => {
    const history = [iv('operational', '2026-02-15T09:00:00Z', '2026-02-20T00:00:00Z'), iv('major_outage', '2026-02-20T00:00:00Z', '2026-02-20T06:00:00Z'), iv('operational', '2026-02-20T06:00:00Z', null)];
    const days = daysOf(Date.parse('2026-02-13T00:00:00Z'), Date.parse('2026-02-16T00:00:00Z'), 'UTC');
    expect(uptimeByDay(history, days, LATER, RULE).map((d) => d.uptime)).toEqual([null, null, 1]);
    const [jan, feb] = months(history);
    expect(jan!.percent).toBeNull();
    // Observed from 15 Feb 09:00 to 1 Mar: 13 days 15 hours = 19,620 minutes; 360 down → 98.165… → 98.16.
    expect(feb!.observedMs / MIN).toBe(19_620);
    expect(feb!.percent).toBe(98.16);
    // A start date later than the first interval (created early, in service from the 20th) clips the observed time too.
    expect(months(history, 'UTC', RULE, '2026-02-20T00:00:00Z')[1]!.observedMs / MIN).toBe(9 * 24 * 60);
  });

  it('counts maintenance only when the setting says so', () => {
    const history = [
      iv('operational', '2026-01-01T00:00:00Z', '2026-01-10T02:00:00Z'),
      iv('under_maintenance', '2026-01-10T02:00:00Z', '2026-01-10T04:00:00Z'),
      iv('degraded_performance', '2026-01-10T04:00:00Z', '2026-01-10T08:00:00Z'),
      iv('operational', '2026-01-10T08:00:00Z', null),
    ];
    const notCounted = months(history)[0]!;
    expect([notCounted.percent, notCounted.maintenanceMs / MIN, notCounted.degradedMs / MIN, notCounted.downtimeMs]).toEqual([100, 120, 240, 0]);
    const counted = months(history, 'UTC', { partialWeight: 0.3, maintenanceCounts: true })[0]!;
    expect(counted.downtimeMs / MIN).toBe(120);
    expect(counted.percent).toBe(99.73); // 1 − 120 / 44,640 = 99.731…
  });

  it('takes the day and the month from the page time zone', () => {
    // 23:30 UTC on 31 January is 00:30 on 1 February in Berlin.
    const history = [
      iv('operational', '2025-12-01T00:00:00Z', '2026-01-31T23:30:00Z'),
      iv('major_outage', '2026-01-31T23:30:00Z', '2026-02-01T00:15:00Z'),
      iv('operational', '2026-02-01T00:15:00Z', null),
    ];
    const utc = months(history, 'UTC');
    const berlin = months(history, 'Europe/Berlin');
    expect(utc.map((m) => m.majorMs / MIN)).toEqual([30, 15, 0]);
    expect(berlin.map((m) => m.majorMs / MIN)).toEqual([0, 45, 0]);
    // The day the clocks go forward in Berlin has 23 observed hours.
    const dst = daysOf(Date.parse('2026-03-28T23:00:00Z'), Date.parse('2026-03-29T22:00:00Z'), 'Europe/Berlin');
    expect(dst.map((d) => d.key)).toEqual(['2026-03-29']);
    expect(uptimeByDay(history, dst, LATER, RULE)[0]!.observedMs / MIN).toBe(23 * 60);
  });

  it('rounds a part of a minute up to a whole one, and no time to zero', () => {
    expect([minutesOf(0), minutesOf(1), minutesOf(MIN), minutesOf(MIN + 1)]).toEqual([0, 1, 1, 2]);
  });
});
