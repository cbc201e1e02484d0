import { sql } from 'kysely';
import { isPostgres } from '@/lib/db/row-lock';
import type { SystemMetricRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';
import type { MetricPoint } from '@/lib/domain/system-metrics/points';
import type { Aggregate } from '@/lib/domain/system-metrics/views';

/** Every metric in page order. */
export function listSystemMetrics(db: DbOrTx): Promise<SystemMetricRow[]> {
  return db.selectFrom('system_metrics').selectAll().orderBy('position').orderBy('created_at').execute();
}

/** One metric, or undefined. */
export function getSystemMetric(db: DbOrTx, id: string): Promise<SystemMetricRow | undefined> {
  return db.selectFrom('system_metrics').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The position after the last metric. */
export async function nextSystemMetricPosition(db: DbOrTx): Promise<number> {
  const row = await db.selectFrom('system_metrics').select((eb) => eb.fn.max('position').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

// Three values a row; 900 rows stay far below either database's limit of bound parameters.
const BATCH = 900;

/** Writes points of one metric; a point in a slot already recorded replaces it (the last one wins). */
export async function upsertPoints(db: DbOrTx, metricId: string, points: readonly MetricPoint[]): Promise<void> {
  for (let i = 0; i < points.length; i += BATCH) {
    const rows = points.slice(i, i + BATCH).map((p) => ({ metric_id: metricId, at: p.at, value: p.value }));
    await db
      .insertInto('system_metric_points')
      .values(rows)
      .onConflict((oc) => oc.columns(['metric_id', 'at']).doUpdateSet({ value: (eb) => eb.ref('excluded.value') }))
      .execute();
  }
}

/**
 * Each metric's points since `from` (Unix seconds) folded into `interval`-second aggregates,
 * and its hourly rollups since then: what every chart view of those metrics is drawn from.
 */
export async function readAggregates(db: DbOrTx, metricIds: readonly string[], from: number, interval: number): Promise<Map<string, Aggregate[]>> {
  const result = new Map<string, Aggregate[]>(metricIds.map((id) => [id, []]));
  if (metricIds.length === 0) return result;
  const bucket = sql<number>`(${sql.ref('at')} / ${sql.lit(interval)}) * ${sql.lit(interval)}`;
  const [points, rollups] = await Promise.all([
    db
      .selectFrom('system_metric_points')
      .select((eb) => [
        'metric_id',
        bucket.as('at'),
        eb.fn.countAll<number>().as('count'),
        eb.fn.sum<number>('value').as('sum'),
        eb.fn.min<number>('value').as('min'),
        eb.fn.max<number>('value').as('max'),
      ])
      .where('metric_id', 'in', metricIds)
      .where('at', '>=', from)
      .groupBy(['metric_id', bucket])
      .execute(),
    db
      .selectFrom('system_metric_rollups')
      .select(['metric_id', 'at', 'count', 'sum', 'min', 'max'])
      .where('metric_id', 'in', metricIds)
      .where('at', '>=', from)
      .execute(),
  ]);
  for (const row of [...points, ...rollups]) {
    result.get(row.metric_id)?.push({ at: Number(row.at), count: Number(row.count), sum: Number(row.sum), min: Number(row.min), max: Number(row.max) });
  }
  return result;
}

/**
 * Folds every point before `before` (Unix seconds, an hour boundary) into its hour's rollup,
 * adding to a rollup already there (a point backfilled after its hour was folded), then deletes
 * those points. Returns the number of points folded.
 */
export async function foldPointsIntoRollups(db: DbOrTx, before: number): Promise<number> {
  const hour = sql<number>`(${sql.ref('at')} / 3600) * 3600`;
  const least = isPostgres(db) ? sql.raw('least') : sql.raw('min');
  const greatest = isPostgres(db) ? sql.raw('greatest') : sql.raw('max');
  await db
    .insertInto('system_metric_rollups')
    .columns(['metric_id', 'at', 'count', 'sum', 'min', 'max'])
    .expression((eb) =>
      eb
        .selectFrom('system_metric_points')
        .select((s) => [
          'metric_id',
          hour.as('at'),
          s.fn.countAll<number>().as('count'),
          s.fn.sum<number>('value').as('sum'),
          s.fn.min<number>('value').as('min'),
          s.fn.max<number>('value').as('max'),
        ])
        .where('at', '<', before)
        .groupBy(['metric_id', hour]),
    )
    .onConflict((oc) =>
      oc.columns(['metric_id', 'at']).doUpdateSet({
        count: sql`system_metric_rollups.count + excluded.count`,
        sum: sql`system_metric_rollups.sum + excluded.sum`,
        min: sql`${least}(system_metric_rollups.min, excluded.min)`,
        max: sql`${greatest}(system_metric_rollups.max, excluded.max)`,
      }),
    )
    .execute();
  const deleted = await db.deleteFrom('system_metric_points').where('at', '<', before).executeTakeFirst();
  return Number(deleted.numDeletedRows);
}

/** Deletes rollups (and any points) before `before` (Unix seconds). */
export async function pruneMetricData(db: DbOrTx, before: number): Promise<number> {
  const points = await db.deleteFrom('system_metric_points').where('at', '<', before).executeTakeFirst();
  const rollups = await db.deleteFrom('system_metric_rollups').where('at', '<', before).executeTakeFirst();
  return Number(points.numDeletedRows) + Number(rollups.numDeletedRows);
}

/** Deletes every point and rollup of one metric ("reset data"). */
export async function deleteMetricData(db: DbOrTx, metricId: string): Promise<void> {
  await db.deleteFrom('system_metric_points').where('metric_id', '=', metricId).execute();
  await db.deleteFrom('system_metric_rollups').where('metric_id', '=', metricId).execute();
}

/** Points and rollups stored per metric (for the console and the benchmark). */
export async function countMetricRows(db: DbOrTx): Promise<Map<string, { points: number; rollups: number }>> {
  const [points, rollups] = await Promise.all([
    db.selectFrom('system_metric_points').select((eb) => ['metric_id', eb.fn.countAll<number>().as('n')]).groupBy('metric_id').execute(),
    db.selectFrom('system_metric_rollups').select((eb) => ['metric_id', eb.fn.countAll<number>().as('n')]).groupBy('metric_id').execute(),
  ]);
  const out = new Map<string, { points: number; rollups: number }>();
  for (const r of points) out.set(r.metric_id, { points: Number(r.n), rollups: 0 });
  for (const r of rollups) out.set(r.metric_id, { points: out.get(r.metric_id)?.points ?? 0, rollups: Number(r.n) });
  return out;
}
