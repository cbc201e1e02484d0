import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { COMPONENT_STATUSES } from '@/lib/domain/status';
import { lastDays } from '@/lib/domain/calendar';
import { uptimeByDay, uptimePercent, type DayUptime, type StatusInterval } from '@/lib/domain/uptime';
import type { ComponentStatus } from '@/lib/domain/status';

const MIN = 60_000, HOUR = 60 * MIN, DAY = 24 * HOUR;

// Three UTC days: 2026-05-01, 02, 03; "now" is after them unless a test says otherwise.
const AFTER = new Date('2026-05-04T00:00:00Z');
const DAYS = lastDays(new Date('2026-05-03T12:00:00Z'), 3, 'UTC');
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 4, day, hour)).toISOString();
const iv = (status: ComponentStatus, startedAt: string, endedAt: string | null): StatusInterval => ({ status, startedAt, endedAt });

function day(observedMs: number, majorMs = 0, partialMs = 0): DayUptime {
  return { key: 'x', observedMs, majorMs, partialMs, degradedMs: 0, maintenanceMs: 0, uptime: null };
}

describe('uptimeByDay', () => {
  it('is 1 for days fully operational', () => {
    const result = uptimeByDay([iv('operational', '2026-01-01T00:00:00Z', null)], DAYS, AFTER);
    expect(result.map((d) => [d.key, d.observedMs, d.uptime])).toEqual([
      ['2026-05-01', DAY, 1],
      ['2026-05-02', DAY, 1],
      ['2026-05-03', DAY, 1],
    ]);
  });

  it('splits an outage spanning several days at the day boundaries', () => {
    const history = [
      iv('operational', at(1, 0), at(1, 12)),
      iv('major_outage', at(1, 12), at(3, 6)),
      iv('operational', at(3, 6), null),
    ];
    const result = uptimeByDay(history, DAYS, AFTER);
    expect(result.map((d) => d.majorMs)).toEqual([12 * HOUR, DAY, 6 * HOUR]);
    expect(result.map((d) => d.uptime)).toEqual([0.5, 0, 0.75]);
  });

  it('gives nothing to the next day from an interval ending exactly at midnight', () => {
    const history = [iv('major_outage', at(1, 0), at(2, 0)), iv('operational', at(2, 0), null)];
    const [first, second] = uptimeByDay(history, DAYS, AFTER);
    expect(first!.majorMs).toBe(DAY);
    expect(second!.majorMs).toBe(0);
    expect(second!.uptime).toBe(1);
  });

  it('weighs partial outage at 0.3 and does not count degradation or maintenance as downtime', () => {
    const history = [
      iv('partial_outage', at(1, 0), at(1, 10)),
      iv('degraded_performance', at(1, 10), at(1, 16)),
      iv('under_maintenance', at(1, 16), at(1, 20)),
      iv('operational', at(1, 20), null),
    ];
    const [d] = uptimeByDay(history, DAYS, AFTER);
    expect(d).toMatchObject({ observedMs: DAY, partialMs: 10 * HOUR, degradedMs: 6 * HOUR, maintenanceMs: 4 * HOUR, majorMs: 0 });
    expect(d!.uptime).toBeCloseTo(1 - (0.3 * 10) / 24, 12);
  });

  it('honours a custom partial weight', () => {
    const history = [iv('partial_outage', at(1, 0), at(1, 12)), iv('operational', at(1, 12), null)];
    expect(uptimeByDay(history, DAYS, AFTER, 1)[0]!.uptime).toBe(0.5);
    expect(uptimeByDay(history, DAYS, AFTER, 0)[0]!.uptime).toBe(1);
    expect(() => uptimeByDay(history, DAYS, AFTER, 1.5)).toThrow(RangeError);
    expect(() => uptimeByDay(history, DAYS, AFTER, Number.NaN)).toThrow(RangeError);
  });

  it('observes nothing before a component existed and part of its first day', () => {
    const history = [iv('major_outage', at(2, 18), at(2, 21)), iv('operational', at(2, 21), null)];
    const result = uptimeByDay(history, DAYS, AFTER);
    expect(result[0]).toMatchObject({ observedMs: 0, uptime: null });
    expect(result[1]).toMatchObject({ observedMs: 6 * HOUR, majorMs: 3 * HOUR, uptime: 0.5 });
    expect(result[2]).toMatchObject({ observedMs: DAY, uptime: 1 });
  });

  it('counts today only up to now, ends open intervals at now, and observes nothing in the future', () => {
    const now = new Date(at(2, 6));
    const history = [iv('operational', at(1, 0), at(2, 3)), iv('major_outage', at(2, 3), null)];
    const result = uptimeByDay(history, DAYS, now);
    expect(result[1]).toMatchObject({ observedMs: 6 * HOUR, majorMs: 3 * HOUR, uptime: 0.5 });
    expect(result[2]).toMatchObject({ observedMs: 0, majorMs: 0, uptime: null });
  });

  it('clips a closed interval recorded past now', () => {
    const now = new Date(at(1, 12));
    const [d] = uptimeByDay([iv('major_outage', at(1, 6), at(3, 0))], DAYS, now);
    expect(d).toMatchObject({ observedMs: 6 * HOUR, majorMs: 6 * HOUR, uptime: 0 });
  });

  it('observes nothing when no interval overlaps the days', () => {
    const history = [iv('major_outage', '2026-04-01T00:00:00Z', '2026-04-30T00:00:00Z')];
    const result = uptimeByDay(history, DAYS, AFTER);
    expect(result.every((d) => d.observedMs === 0 && d.uptime === null)).toBe(true);
    expect(uptimePercent(result)).toBeNull();
    expect(uptimeByDay([], DAYS, AFTER).map((d) => d.uptime)).toEqual([null, null, null]);
  });

  it('does not count a gap in the history as observed time', () => {
    const history = [iv('operational', at(1, 0), at(1, 6)), iv('major_outage', at(1, 18), at(2, 0))];
    expect(uptimeByDay(history, DAYS, AFTER)[0]).toMatchObject({ observedMs: 12 * HOUR, uptime: 0.5 });
  });

  it('gives overlapping intervals (bad data) to the worst status, never observing time twice', () => {
    const history = [iv('operational', at(1, 0), at(2, 0)), iv('partial_outage', at(1, 6), at(1, 12)), iv('major_outage', at(1, 9), at(1, 10))];
    const [d] = uptimeByDay(history, DAYS, AFTER);
    expect(d).toMatchObject({ observedMs: DAY, partialMs: 5 * HOUR, majorMs: HOUR });
  });
});

describe('uptimePercent', () => {
  it('is exactly 100 with no downtime', () => {
    expect(uptimePercent([day(DAY), day(DAY)])).toBe(100);
  });

  it('never shows 100 for one bad minute in 90 days', () => {
    const days = lastDays(new Date('2026-05-03T12:00:00Z'), 90, 'UTC');
    const history = [iv('operational', '2026-01-01T00:00:00Z', null), iv('major_outage', at(2, 10), '2026-05-02T10:01:00.000Z')];
    const percent = uptimePercent(uptimeByDay(history, days, AFTER));
    expect(percent).toBe(99.99);
    expect(uptimePercent([day(90 * DAY, 1)])).toBe(99.99); // even one millisecond
  });

  it('floors rather than rounds', () => {
    expect(uptimePercent([day(100_000, 1)])).toBe(99.99); // 99.999
    expect(uptimePercent([day(10_000, 2)])).toBe(99.98); // exactly 99.98
    expect(uptimePercent([day(10_000, 1)])).toBe(99.99); // exactly 99.99
    expect(uptimePercent([day(3, 1)])).toBe(66.66); // 66.666…
    expect(uptimePercent([day(DAY, DAY)])).toBe(0);
  });

  it('weighs partial outage and aggregates over days by observed time', () => {
    expect(uptimePercent([day(DAY, 0, 10 * HOUR)])).toBe(87.5); // 1 − 0.3 × 10/24
    expect(uptimePercent([day(DAY, 0, 10 * HOUR)], 1)).toBe(58.33);
    expect(uptimePercent([day(DAY, DAY), day(3 * DAY)])).toBe(75); // a full bad day among 4
  });

  it('is null when nothing was observed', () => {
    expect(uptimePercent([])).toBeNull();
    expect(uptimePercent([day(0), day(0)])).toBeNull();
  });

  it('does not lose a basis point to float error on exact values', () => {
    // 1000 ms observed, 9 ms partial at 0.3: exactly 99.73; 100 × 100 × (1 − 2.7/1000) floors to 99.72.
    expect(uptimePercent([day(1000, 0, 9)])).toBe(99.73);
    const wrong: string[] = [];
    for (let observed = 1000; observed <= 60_000; observed += 1000) {
      // Partial time that costs exactly `lost` basis points: 0.3 × partial / observed = lost / 10 000.
      for (let lost = 1; lost <= 3000; lost++) {
        if ((lost * observed) % 3000 !== 0) continue;
        const partial = (lost * observed) / 3000;
        const percent = uptimePercent([day(observed, 0, partial)]);
        if (percent !== (10_000 - lost) / 100) wrong.push(`${partial}/${observed} → ${percent}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('uptimeByDay over overlapping and long intervals', () => {
  it('matches an hour-by-hour count of the worst covering status (property)', () => {
    const days = lastDays(new Date('2026-05-10T12:00:00Z'), 10, 'UTC');
    const now = new Date('2026-05-11T00:00:00Z');
    const base = Date.UTC(2026, 4, 1);
    const hour = (h: number) => new Date(base + h * HOUR).toISOString();
    const interval = fc.record({
      status: fc.constantFrom(...COMPONENT_STATUSES),
      start: fc.integer({ min: -120, max: 260 }),
      length: fc.integer({ min: 1, max: 400 }),
      open: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 30 }), (raw) => {
        const intervals = raw.map((r) => iv(r.status, hour(r.start), r.open ? null : hour(r.start + r.length)));
        const result = uptimeByDay(intervals, days, now);
        const nowHours = (now.getTime() - base) / HOUR;
        for (const [i, d] of days.entries()) {
          const totals = new Map<ComponentStatus, number>();
          for (let h = (d.start - base) / HOUR; h < (d.end - base) / HOUR; h++) {
            const covering = raw.filter((r) => r.start <= h && (r.open ? nowHours : r.start + r.length) >= h + 1);
            if (covering.length === 0) continue;
            const worst = COMPONENT_STATUSES[Math.max(...covering.map((r) => COMPONENT_STATUSES.indexOf(r.status)))]!;
            totals.set(worst, (totals.get(worst) ?? 0) + HOUR);
          }
          const observed = [...totals.values()].reduce((a, b) => a + b, 0);
          expect(result[i]!.observedMs).toBe(observed);
          expect(result[i]!.majorMs).toBe(totals.get('major_outage') ?? 0);
          expect(result[i]!.partialMs).toBe(totals.get('partial_outage') ?? 0);
        }
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});
