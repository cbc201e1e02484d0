import { stringify } from 'csv-stringify/sync';
import { minutesOf, type UptimeFigure, type UptimeRule } from '@/lib/domain/uptime';

/** What an export needs of a report (the SLA report view has this shape). */
export interface ReportForExport {
  page: { id: string; name: string; timeZone: string };
  period: { key: string; label: string; start: number; end: number };
  rule: UptimeRule;
  rows: { id: string; name: string; groupName: string | null; months: (UptimeFigure & { key: string })[]; total: UptimeFigure }[];
  generatedAt: string;
}

/** One figure as exported: whole minutes (a part of a minute counts as one) and the floored percentage. */
export interface ExportedFigure {
  uptime_percent: number | null;
  observed_minutes: number;
  major_outage_minutes: number;
  partial_outage_minutes: number;
  maintenance_minutes: number;
  downtime_minutes: number;
}

/** The numbers of one figure, the same in the CSV, the JSON and on the page. */
export function exportedFigure(f: UptimeFigure): ExportedFigure {
  return {
    uptime_percent: f.percent,
    observed_minutes: Math.floor(f.observedMs / 60_000),
    major_outage_minutes: minutesOf(f.majorMs),
    partial_outage_minutes: minutesOf(f.partialMs),
    maintenance_minutes: minutesOf(f.maintenanceMs),
    downtime_minutes: minutesOf(f.downtimeMs),
  };
}

const COLUMNS = [
  'component_id',
  'component',
  'group',
  'month',
  'uptime_percent',
  'observed_minutes',
  'major_outage_minutes',
  'partial_outage_minutes',
  'maintenance_minutes',
  'downtime_minutes',
] as const satisfies readonly (keyof ExportedFigure | 'component_id' | 'component' | 'group' | 'month')[];

/** The report as CSV: a row per component and month, then one per component for the whole period (`month` = "total"). */
export function reportCsv(report: ReportForExport): string {
  const rows = report.rows.flatMap((r) => [
    ...r.months.map((m) => ({ component_id: r.id, component: r.name, group: r.groupName ?? '', month: m.key, ...exportedFigure(m) })),
    { component_id: r.id, component: r.name, group: r.groupName ?? '', month: 'total', ...exportedFigure(r.total) },
  ]);
  return stringify(rows, { header: true, columns: [...COLUMNS], cast: { number: (n) => String(n) } });
}

/** The report as JSON: the same figures, with the period and the formula they were computed by. */
export function reportJson(report: ReportForExport): object {
  return {
    page: { id: report.page.id, name: report.page.name, time_zone: report.page.timeZone },
    period: {
      key: report.period.key,
      label: report.period.label,
      start: new Date(report.period.start).toISOString(),
      end: new Date(report.period.end).toISOString(),
    },
    formula: {
      partial_outage_weight: report.rule.partialWeight,
      maintenance_counts: report.rule.maintenanceCounts,
      percent: 'floor(100 × (1 − downtime / observed time), 2 decimals); days before a component existed are not observed',
    },
    generated_at: report.generatedAt,
    components: report.rows.map((r) => ({
      id: r.id,
      name: r.name,
      group: r.groupName,
      months: r.months.map((m) => ({ month: m.key, ...exportedFigure(m) })),
      total: exportedFigure(r.total),
    })),
  };
}
