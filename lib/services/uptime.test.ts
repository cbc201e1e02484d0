import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { exportedFigure, reportCsv, reportJson } from '@/lib/domain/uptime-export';
import { namedPeriod, rangePeriod, type UptimePeriod } from '@/lib/domain/uptime-periods';
import { createComponent } from '@/lib/services/create-component';
import { createGroup } from '@/lib/services/create-group';
import { createIncident } from '@/lib/services/create-incident';
import { NotFoundError, ValidationError } from '@/lib/services/errors';
import { getComponentPage } from '@/lib/services/get-component-page';
import { getComponentUptime } from '@/lib/services/get-component-uptime';
import { getUptimeReport } from '@/lib/services/get-uptime-report';
import { updatePageSettings } from '@/lib/services/page-settings';
import { resolveIncident } from '@/lib/services/resolve-incident';
import { setComponentStatus } from '@/lib/services/set-component-status';

const RULE = { partialWeight: 0.3, maintenanceCounts: false };
const TZ = 'Europe/Berlin';

for (const dialect of testDialects()) {
  describe(`component uptime pages, the SLA report and the uptime API on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    const ctx = () => ({ db: db.kysely, now: clock.now });
    let data: string;
    let sms: string;
    let core: string;

    beforeEach(async () => {
      db = await createTestDb(dialect);
      // The data service exists from 15 March; SMS from 1 April. Berlin is UTC+2 in summer.
      clock = testClock('2026-03-15T10:00:00.000Z');
      await updatePageSettings({ ctx: ctx(), input: { timeZone: TZ } });
      core = (await createGroup({ ctx: ctx(), input: { name: 'Core connectivity' } })).id;
      data = (await createComponent({ ctx: ctx(), input: { name: 'Data service', groupId: core } })).id;
      clock = testClock('2026-03-31T22:00:00.000Z'); // 1 April 00:00 in Berlin
      sms = (await createComponent({ ctx: ctx(), input: { name: 'SMS', groupId: core } })).id;

      // 30 April 21:00 UTC (23:00 Berlin) to 1 May 00:00 UTC: a major outage across midnight and the month end.
      clock = testClock('2026-04-30T21:00:00.000Z');
      const incident = await createIncident({ ctx: ctx(), input: { name: 'Data sessions failing', components: [{ id: data, status: 'major_outage' }] } });
      clock.advance(180);
      await resolveIncident({ ctx: ctx(), input: { incidentId: incident.id } });
      // 10 May: 30 minutes of partial outage on SMS, then 20 seconds of major.
      clock = testClock('2026-05-10T08:00:00.000Z');
      await setComponentStatus({ ctx: ctx(), input: { id: sms, status: 'partial_outage' } });
      clock.advance(30);
      await setComponentStatus({ ctx: ctx(), input: { id: sms, status: 'major_outage' } });
      clock.advance(20 / 60);
      await setComponentStatus({ ctx: ctx(), input: { id: sms, status: 'operational' } });
      clock = testClock('2026-06-15T12:00:00.000Z');
    });
    afterEach(async () => db.drop());

    const report = (period: UptimePeriod, componentIds?: string[]) => getUptimeReport({ ctx: ctx(), period, componentIds, rule: RULE });

    it('splits the outage between April and May in the page time zone and lists the incident on the page', async () => {
      const page = (await getComponentPage({ ctx: ctx(), id: data, rule: RULE }))!;
      expect(page.target).toMatchObject({ kind: 'component', name: 'Data service', status: 'operational', group: { id: core } });
      const month = (key: string) => page.months.find((m) => m.key === key)!;
      expect(month('2026-04').majorMs / 60_000).toBe(60);
      expect(month('2026-05').majorMs / 60_000).toBe(120);
      // Created 15 March 11:00 Berlin: March is observed from then, the days before are no data.
      const march = page.calendar.find((m) => m.key === '2026-03')!;
      expect(march.days.find((d) => d.key === '2026-03-14')!.uptime).toBeNull();
      expect(march.days.find((d) => d.key === '2026-03-16')!.uptime).toBe(1);
      expect(page.calendar).toHaveLength(12);
      expect(page.calendar[0]!.key).toBe('2025-07');
      const lastApril = page.calendar.find((m) => m.key === '2026-04')!.days.at(-1)!;
      expect(lastApril.incidents.map((i) => i.name)).toEqual(['Data sessions failing']);
      expect(page.incidents.map((i) => i.name)).toEqual(['Data sessions failing']);
      expect(page.years.map((y) => y.label)).toEqual(['2026 to date', '2025']);
      expect(page.years[1]!.percent).toBeNull();
      expect(page.quarters[0]!.key).toBe('2026-Q2');
      expect(page.quarters[0]!.majorMs / 60_000).toBe(180);
    });

    it('gives a group the worst of its components over time', async () => {
      const page = (await getComponentPage({ ctx: ctx(), id: core, rule: RULE }))!;
      expect(page.target.kind).toBe('group');
      expect(page.target.members.map((m) => m.name)).toEqual(['Data service', 'SMS']);
      const may = page.months.find((m) => m.key === '2026-05')!;
      expect([may.majorMs, may.partialMs]).toEqual([120 * 60_000 + 20_000, 30 * 60_000]);
      expect(await getComponentPage({ ctx: ctx(), id: 'nothing-here', rule: RULE })).toBeUndefined();
    });

    it('reports the same figures as the page, and its CSV and JSON carry the same minutes', async () => {
      const page = (await getComponentPage({ ctx: ctx(), id: sms, rule: RULE }))!;
      const q2 = await report(namedPeriod('2026-Q2', TZ)!);
      expect(q2.months.map((m) => m.key)).toEqual(['2026-04', '2026-05', '2026-06']);
      expect(q2.rows.map((r) => r.name)).toEqual(['Data service', 'SMS']);
      const smsRow = q2.rows.find((r) => r.id === sms)!;
      for (const m of smsRow.months) expect(exportedFigure(m)).toEqual(exportedFigure(page.months.find((p) => p.key === m.key)!));
      expect(exportedFigure(smsRow.total)).toEqual(exportedFigure(page.quarters.find((q) => q.key === '2026-Q2')!));
      const may = exportedFigure(smsRow.months[1]!);
      // 30 min partial, 20 s major shows as 1 minute; downtime 20 s + 0.3 × 30 min = 9 min 20 s → 10.
      expect(may).toMatchObject({ major_outage_minutes: 1, partial_outage_minutes: 30, downtime_minutes: 10, uptime_percent: 99.97 });

      const lines = reportCsv(q2).trim().split('\n').map((l) => l.split(','));
      const header = lines[0]!;
      const csv = lines.slice(1).map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
      type Figure = Record<string, number | string | null>;
      const json = reportJson(q2) as { components: { id: string; months: Figure[]; total: Figure }[] };
      expect(csv).toHaveLength(2 * 4);
      for (const c of json.components) {
        for (const m of [...c.months, { ...c.total, month: 'total' }]) {
          const row = csv.find((r) => r.component_id === c.id && r.month === m.month)!;
          for (const k of ['uptime_percent', 'major_outage_minutes', 'partial_outage_minutes', 'downtime_minutes', 'observed_minutes']) {
            expect(row[k]).toBe(m[k] === null ? '' : String(m[k]));
          }
        }
      }
      expect(csv.find((r) => r.component_id === sms && r.month === '2026-05')).toMatchObject({ uptime_percent: '99.97', partial_outage_minutes: '30' });
    });

    it('serves the Statuspage uptime endpoints with the report numbers to the minute', async () => {
      const api = await getComponentUptime({ ctx: ctx(), query: { kind: 'component', id: data, start: '2026-04', end: '2026-05' }, rule: RULE });
      const range = rangePeriod('2026-04-01', '2026-05-31', TZ);
      if (!('start' in range)) throw new Error('range');
      const row = (await report(range, [data])).rows[0]!;
      expect(api).toMatchObject({ id: data, name: 'Data service', range_start: '2026-04-01', range_end: '2026-05-31', warnings: [] });
      expect(api.major_outage).toBe(180 * 60);
      expect(api.uptime_percentage).toBe(row.total.percent);
      expect(Math.ceil(api.major_outage / 60)).toBe(exportedFigure(row.total).major_outage_minutes);
      expect(api.related_events).toEqual([{ id: expect.any(String), name: 'Data sessions failing' }]);

      const group = await getComponentUptime({ ctx: ctx(), query: { kind: 'group', id: core, start: '2026-05-01', end: '2026-07-31', skipRelatedEvents: true }, rule: RULE });
      expect(group).toMatchObject({ range_end: '2026-06-15', warnings: ['End date was adjusted to today.'], partial_outage: 30 * 60, major_outage: 120 * 60 + 20 });
      expect('related_events' in group).toBe(false);
      // Default: the last 90 days, but not before the component existed.
      expect(await getComponentUptime({ ctx: ctx(), query: { kind: 'component', id: sms }, rule: RULE })).toMatchObject({ range_start: '2026-04-01', range_end: '2026-06-15' });
    });

    it('refuses bad input naming the field, and unknown ids with a 404', async () => {
      const call = (query: Parameters<typeof getComponentUptime>[0]['query']) => getComponentUptime({ ctx: ctx(), query, rule: RULE });
      await expect(call({ kind: 'component', id: data, start: 'last week' })).rejects.toMatchObject({ fields: { start: expect.any(String) } });
      await expect(call({ kind: 'component', id: data, start: '2026-05-10', end: '2026-05-01' })).rejects.toMatchObject({ fields: { start: expect.any(String) } });
      await expect(call({ kind: 'component', id: data, start: '2025-06-01', end: '2026-06-01' })).rejects.toMatchObject({ status: 422, fields: { end: expect.any(String) } });
      await expect(call({ kind: 'component', id: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(call({ kind: 'group', id: data })).rejects.toBeInstanceOf(NotFoundError);
      await expect(report(namedPeriod('2026-05', TZ)!, ['nope'])).rejects.toBeInstanceOf(ValidationError);
      const hidden = (await createComponent({ ctx: ctx(), input: { name: 'Hidden', showcase: false } })).id;
      await expect(call({ kind: 'component', id: hidden })).rejects.toMatchObject({ status: 422, fields: { showcase: expect.any(String) } });
    });
  });
}
