import type { Db } from '@/lib/db/connect';
import { countMetricRows } from '@/lib/db/queries/system-metrics';
import { addSystemMetricPoints } from '@/lib/services/add-system-metric-points';
import { createSystemMetric } from '@/lib/services/create-system-metric';
import { getSystemMetricCharts } from '@/lib/services/get-system-metric-charts';
import { rollUpSystemMetrics } from '@/lib/services/roll-up-system-metrics';

const DAY_S = 86_400;

/**
 * bench:scale `--metrics`: 10 metrics with `days` of one-minute points, pushed a day at a time
 * through the service with the clock at that day's end, and the scheduler's rollup after each
 * day, as a year of pushing would leave the database.
 */
export async function generateSystemMetrics(db: Db, now: Date, days: number): Promise<void> {
  const t = performance.now();
  const transforms = ['average', 'max', 'min', 'sum', 'count'] as const;
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const m = await createSystemMetric({ ctx: { db: db.kysely, now: () => now }, input: { name: `Metric ${i + 1}`, suffix: 'ms', decimalPlaces: 1, transform: transforms[i % 5] } });
    ids.push(m.id);
  }
  const end = Math.floor(now.getTime() / 1000 / 60) * 60;
  let pushed = 0;
  for (let d = days; d > 0; d--) {
    const dayEnd = end - (d - 1) * DAY_S;
    const ctx = { db: db.kysely, now: () => new Date(dayEnd * 1000) };
    const series = ids.map((metricId, i) => ({
      metricId,
      points: Array.from({ length: 1440 }, (_, k) => {
        const at = dayEnd - DAY_S + (k + 1) * 60;
        return { at: at - (at % 30), value: 100 + 50 * Math.sin((at / DAY_S) * 2 * Math.PI + i) + ((k * 7919 + i) % 13) };
      }),
    }));
    await addSystemMetricPoints({ ctx, input: { series: series.slice(0, 5) } });
    await addSystemMetricPoints({ ctx, input: { series: series.slice(5) } });
    await rollUpSystemMetrics({ ctx });
    pushed += 14_400;
  }
  const rows = [...(await countMetricRows(db.kysely)).values()].reduce((a, r) => ({ points: a.points + r.points, rollups: a.rollups + r.rollups }), { points: 0, rollups: 0 });
  console.log(
    `${db.dialect}: pushed ${pushed.toLocaleString('en-US')} one-minute points for 10 metrics over ${days} days in ${((performance.now() - t) / 1000).toFixed(1)} s; ` +
      `kept ${rows.points.toLocaleString('en-US')} points and ${rows.rollups.toLocaleString('en-US')} hourly rollups\n`,
  );
}

/** The charts' read model for `/` (10 metrics × day, week and month). */
export async function benchMetricCharts(db: Db, now: Date, median: (label: string, fn: () => Promise<unknown>) => Promise<number>): Promise<void> {
  const charts = () => getSystemMetricCharts({ ctx: { db: db.kysely, now: () => now } });
  await median('/ system metric charts (10 metrics, 3 views)', charts);
  // Wall time moves with the machine's load; the process's own CPU time per read does less.
  const runs = 10;
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) await charts();
  const used = process.cpuUsage(cpu);
  console.log(`${'  CPU time per read (user + system)'.padEnd(44)} ${((used.user + used.system) / 1000 / runs).toFixed(1).padStart(8)} ms`);
}

/** One data point through the management API, as a pusher sends it. */
export async function pushOnePoint(base: string, pageId: string, key: string, db: Db): Promise<void> {
  const metric = await db.kysely.selectFrom('system_metrics').select('id').orderBy('position').executeTakeFirstOrThrow();
  const res = await fetch(`${base}/api/v1/pages/${pageId}/metrics/${metric.id}/data`, {
    method: 'POST',
    headers: { authorization: `OAuth ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ data: { timestamp: Math.floor(Date.now() / 1000), value: Math.random() * 100 } }),
  });
  if (res.status !== 201) throw new Error(`metric data POST answered ${res.status}: ${await res.text()}`);
}
