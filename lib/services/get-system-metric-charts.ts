import { listSystemMetrics, readAggregates } from '@/lib/db/queries/system-metrics';
import { isTransform, type MetricDisplay } from '@/lib/domain/system-metrics/definition';
import { chartSeries, VIEW_NAMES, VIEWS, viewWindow, type ChartSeries, type ViewName } from '@/lib/domain/system-metrics/views';
import type { ServiceContext } from '@/lib/services/context';
import { getPageSettings } from '@/lib/db/queries/page-settings';

export interface SystemMetricChart extends MetricDisplay {
  id: string;
  mostRecentDataAt: string | null;
  views: Record<ViewName, ChartSeries>;
}

export interface SystemMetricCharts {
  timeZone: string;
  metrics: SystemMetricChart[];
}

/**
 * The charts of every displayed metric, each in its day, week and month views, from two reads
 * for all metrics together: recent points in 5-minute aggregates, and the hourly rollups.
 */
export async function getSystemMetricCharts({ ctx }: { ctx: ServiceContext }): Promise<SystemMetricCharts> {
  const now = ctx.now();
  const [settings, rows] = await Promise.all([getPageSettings(ctx.db, now), listSystemMetrics(ctx.db)]);
  const shown = rows.filter((r) => r.display);
  const from = viewWindow('month', now).start;
  const aggregates = await readAggregates(ctx.db, shown.map((r) => r.id), from, VIEWS.day.intervalSeconds);
  return {
    timeZone: settings.time_zone,
    metrics: shown.map((r) => {
      const transform = isTransform(r.transform) ? r.transform : 'average';
      const data = aggregates.get(r.id) ?? [];
      return {
        id: r.id,
        name: r.name,
        suffix: r.suffix,
        tooltipDescription: r.tooltip_description,
        transform,
        decimalPlaces: r.decimal_places,
        yAxisMin: r.y_axis_min,
        yAxisMax: r.y_axis_max,
        yAxisHidden: r.y_axis_hidden,
        mostRecentDataAt: r.most_recent_data_at,
        views: Object.fromEntries(VIEW_NAMES.map((v) => [v, chartSeries(data, v, transform, now)])) as Record<ViewName, ChartSeries>,
      };
    }),
  };
}
