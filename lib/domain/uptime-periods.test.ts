import { describe, it, expect } from 'vitest';
import { dateKey, monthsOf, namedPeriod, parseReportQuery, partialDate, pastYear, periodChoices, quartersOf, rangePeriod } from '@/lib/domain/uptime-periods';

const iso = (ms: number) => new Date(ms).toISOString();

describe('uptime periods', () => {
  it('reads months, quarters and years in the page time zone', () => {
    const nov = namedPeriod('2026-11', 'Europe/Berlin')!;
    expect([nov.kind, iso(nov.start), iso(nov.end)]).toEqual(['month', '2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z']);
    const q4 = namedPeriod('2026-Q4', 'UTC')!;
    expect([iso(q4.start), iso(q4.end)]).toEqual(['2026-10-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(iso(namedPeriod('2025', 'UTC')!.end)).toBe('2026-01-01T00:00:00.000Z');
    for (const bad of ['2026-13', '2026-Q5', '26', '2026-1', '']) expect(namedPeriod(bad, 'UTC')).toBeNull();
  });

  it('takes a from–to range with both days included and names the wrong field', () => {
    const r = rangePeriod('2026-01-05', '2026-01-07', 'UTC');
    expect('start' in r && [iso(r.start), iso(r.end), r.key]).toEqual(['2026-01-05T00:00:00.000Z', '2026-01-08T00:00:00.000Z', '2026-01-05..2026-01-07']);
    expect(rangePeriod('2026-02-30', '2026-03-01', 'UTC')).toMatchObject({ field: 'from' });
    expect(rangePeriod('2026-01-05', 'soon', 'UTC')).toMatchObject({ field: 'to' });
    expect(rangePeriod('2026-01-05', '2026-01-04', 'UTC')).toMatchObject({ field: 'to', message: 'To must be on or after From.' });
    expect(rangePeriod('2024-01-01', '2026-01-01', 'UTC')).toMatchObject({ field: 'to' });
    expect('start' in rangePeriod('2025-01-01', '2025-12-31', 'UTC')).toBe(true);
  });

  it('splits a window into clipped months and quarters', () => {
    const start = Date.parse('2026-01-20T00:00:00Z');
    const end = Date.parse('2026-04-10T00:00:00Z');
    expect(monthsOf(start, end, 'UTC').map((m) => [m.key, iso(m.start), iso(m.end)])).toEqual([
      ['2026-01', '2026-01-20T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
      ['2026-02', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
      ['2026-03', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
      ['2026-04', '2026-04-01T00:00:00.000Z', '2026-04-10T00:00:00.000Z'],
    ]);
    expect(quartersOf(start, end, 'UTC').map((q) => q.label)).toEqual(['Q1 2026', 'Q2 2026']);
  });

  it('offers 12 months, 5 quarters and 3 years, and defaults to the past 12 months', () => {
    const now = new Date('2026-12-02T04:00:00Z');
    const keys = periodChoices(now, 'UTC').map((p) => p.key);
    expect(keys.slice(0, 2)).toEqual(['2026-12', '2026-11']);
    expect(keys.slice(12)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2026', '2025', '2024']);
    const past = pastYear(now, 'UTC');
    expect([iso(past.start), iso(past.end)]).toEqual(['2026-01-01T00:00:00.000Z', '2026-12-03T00:00:00.000Z']);
  });

  it("reads Statuspage's partial dates for start and end", () => {
    expect(iso(partialDate('2026', 'start', 'UTC')!)).toBe('2026-01-01T00:00:00.000Z');
    expect(iso(partialDate('2026-02', 'end', 'UTC')!)).toBe('2026-03-01T00:00:00.000Z');
    expect(iso(partialDate('2026-02-10', 'end', 'UTC')!)).toBe('2026-02-11T00:00:00.000Z');
    for (const bad of ['yesterday', '2026-02-30', '1969-12-31', '2026-1']) expect(partialDate(bad, 'start', 'UTC')).toBeNull();
    expect(dateKey(Date.parse('2026-01-31T23:30:00Z'), 'Europe/Berlin')).toBe('2026-02-01');
  });
});

describe('report query', () => {
  const now = new Date('2026-12-02T04:00:00Z');
  const q = (raw: Partial<{ component: string[]; period: string; from: string; to: string }>) =>
    parseReportQuery({ component: raw.component ?? [], period: raw.period ?? null, from: raw.from ?? null, to: raw.to ?? null }, now, 'UTC');

  it('puts the parameters in one order, so one report has one address', () => {
    expect(q({})).toMatchObject({ key: '/uptime', componentIds: [], period: { key: 'past-12-months' } });
    expect(q({ component: ['b', 'a', 'b'], period: '2026-Q3' })).toMatchObject({ key: '/uptime?component=a&component=b&period=2026-Q3', componentIds: ['a', 'b'] });
    expect(q({ period: '2026', from: '2026-01-01', to: '2026-01-31' })).toMatchObject({ key: '/uptime?from=2026-01-01&to=2026-01-31', period: { kind: 'range' } });
  });

  it('names the field that is wrong', () => {
    expect(q({ period: 'last year' })).toMatchObject({ field: 'period' });
    expect(q({ period: '2027' })).toMatchObject({ field: 'period', message: 'The period must not start after today.' });
    expect(q({ from: '2026-01-01' })).toMatchObject({ field: 'to' });
    expect(q({ to: '2026-01-01' })).toMatchObject({ field: 'from' });
    expect(q({ component: ['<script>'] })).toMatchObject({ field: 'components' });
  });
});
