import { countMetricRows, getSystemMetric, listSystemMetrics as listRows } from '@/lib/db/queries/system-metrics';
import type { SystemMetricRow } from '@/lib/db/schema';
import type { ServiceContext } from '@/lib/services/context';
import { NotFoundError } from '@/lib/services/errors';

export interface SystemMetricListItem extends SystemMetricRow {
  /** Points kept as pushed (the last two days) and hourly rollups of older ones. */
  storedPoints: number;
  storedRollups: number;
}

/** Every metric in page order, with how much data each keeps. */
export async function listSystemMetrics({ ctx }: { ctx: ServiceContext }): Promise<SystemMetricListItem[]> {
  const [rows, counts] = await Promise.all([listRows(ctx.db), countMetricRows(ctx.db)]);
  return rows.map((r) => ({ ...r, storedPoints: counts.get(r.id)?.points ?? 0, storedRollups: counts.get(r.id)?.rollups ?? 0 }));
}

/** One metric; throws NotFoundError for an unknown id. */
export async function getSystemMetricOrThrow({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<SystemMetricRow> {
  const row = /^[a-z0-9]{1,64}$/.test(id) ? await getSystemMetric(ctx.db, id) : undefined;
  if (!row) throw new NotFoundError('Metric', id);
  return row;
}
