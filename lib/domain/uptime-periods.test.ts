import { describe, it, expect } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfDay } from 'date-fns';
import { dateKey, daysOf, monthsOf, namedPeriod, parseReportQuery, partialDate, pastYear, periodChoices, quartersOf, rangePeriod } from '@/lib/domain/uptime-periods';

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

  it('cuts days at local midnight, 23 or 25 hours long when the clocks change, a skipped or repeated midnight included', () => {
    const hours = (tz: string, from: string, to: string) =>
      daysOf(Date.parse(from), Date.parse(to), tz).map((d) => `${d.key} ${(d.end - d.start) / 3_600_000}`);
    expect(hours('Europe/Berlin', '2026-03-28T00:00:00Z', '2026-03-30T12:00:00Z')).toEqual(['2026-03-28 24', '2026-03-29 23', '2026-03-30 24']);
    expect(hours('Europe/Berlin', '2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z')).toEqual(['2026-10-24 24', '2026-10-25 25', '2026-10-26 24']);
    // Havana moves its clocks at midnight: 8 March 2026 starts at 01:00, 1 November 2026 has its first hour twice.
    const spring = daysOf(Date.parse('2026-03-07T12:00:00Z'), Date.parse('2026-03-09T12:00:00Z'), 'America/Havana');
    expect(spring.map((d) => [d.key, iso(d.start)])).toEqual([
      ['2026-03-07', '2026-03-07T05:00:00.000Z'],
      ['2026-03-08', '2026-03-08T05:00:00.000Z'],
      ['2026-03-09', '2026-03-09T04:00:00.000Z'],
    ]);
    expect(hours('America/Havana', '2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z')).toEqual(['2026-10-31 24', '2026-11-01 25', '2026-11-02 24']);
    expect(hours('Asia/Kathmandu', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')).toEqual(['2026-01-01 24', '2026-01-02 24']);
  });

  it('gives the same days as stepping the calendar one day at a time, in any time zone', () => {
    const stepped = (start: number, end: number, tz: string) => {
      const days = [];
      for (let d: Date = startOfDay(new TZDate(start, tz)); d.getTime() < end; ) {
        const next = startOfDay(addDays(d, 1));
        days.push({ key: format(d, 'yyyy-MM-dd'), start: d.getTime(), end: next.getTime() });
        d = next;
      }
      return days;
    };
    const [start, end] = [Date.parse('2025-01-01T07:30:00Z'), Date.parse('2027-01-01T00:00:00Z')];
    for (const tz of ['UTC', 'Europe/Berlin', 'America/Havana', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns']) {
      expect(daysOf(start, end, tz), tz).toEqual(stepped(start, end, tz));
    }
    // Amman's clocks went back at 01:00 on 29 October 2010: that midnight came twice, and the day before ran to the second.
    const [oct27, oct31] = [Date.parse('2010-10-27T00:00:00Z'), Date.parse('2010-10-31T00:00:00Z')];
    expect(daysOf(oct27, oct31, 'Asia/Amman')).toEqual(stepped(oct27, oct31, 'Asia/Amman'));
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
