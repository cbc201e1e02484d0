import { CHART_HEIGHT, CHART_WIDTH, chartGeometry } from '@/lib/domain/system-metrics/chart';
import { useLocale, useTranslations } from 'next-intl';
import { formatMetricValue } from '@/lib/domain/system-metrics/definition';
import type { ChartSeries, ViewName } from '@/lib/domain/system-metrics/views';
import type { SystemMetricChart as Metric } from '@/lib/services/get-system-metric-charts';
import { viewClock } from '@/components/status/metric-time';
import { SystemMetricHover } from '@/components/status/system-metric-hover';


const round = (value: number, places: number) => Number(value.toFixed(places));

/**
 * One view of a metric, drawn on the server: an SVG line (gaps where nothing was recorded) with
 * its y-axis ticks and time labels, a sentence describing it, and a table of its values (the text
 * alternative, readable without JavaScript). Hover values come from a small client wrapper.
 */
export function SystemMetricView({ metric, view, timeZone }: { metric: Metric; view: ViewName; timeZone: string }) {
  const t = useTranslations('status.metrics');
  const series: ChartSeries = metric.views[view];
  const geometry = chartGeometry(series, metric);
  const clock = viewClock(series.start, series.end, timeZone, useLocale());
  const format = (v: number) => formatMetricValue(v, metric);
  const withData = series.buckets.filter((b): b is { start: number; value: number } => b.value !== null);
  const kind = t('kind', { transform: metric.transform, view });
  const tableId = `metric-${metric.id}-${view}`;
  const labels = series.buckets.flatMap((b, i) => {
    const text = clock.axisLabel(b.start, view, series.intervalSeconds);
    return text ? [{ text, left: (i / Math.max(1, series.buckets.length - 1)) * 100 }] : [];
  });
  const values = withData.map((b) => b.value);
  const description =
    withData.length === 0
      ? t('empty', { view })
      : t('description', { name: metric.name, view, kind, min: format(Math.min(...values)), max: format(Math.max(...values)), latest: format(withData.at(-1)!.value) });

  return (
    <div data-view={view} className="system-metric-view">
      <p className="sr-only">{description}</p>
      <div className="flex gap-2" aria-hidden="true">
        {!metric.yAxisHidden && (
          <div className="relative w-12 shrink-0 text-end text-[11px] tabular-nums text-neutral-500 dark:text-neutral-400" style={{ height: '8rem' }}>
            {geometry.ticks.map((t) => (
              <span key={t.value} className="absolute end-0 -translate-y-1/2 leading-none" style={{ top: `${(t.y / CHART_HEIGHT) * 100}%` }}>
                {formatMetricValue(t.value, { decimalPlaces: Math.min(metric.decimalPlaces, 2), suffix: '' })}
              </span>
            ))}
          </div>
        )}
        <div className="min-w-0 flex-1">
          <div style={{ height: '8rem' }}>
            <SystemMetricHover
              start={series.start}
              interval={series.intervalSeconds}
              timeZone={timeZone}
              values={series.buckets.map((b) => (b.value === null ? null : round(b.value, metric.decimalPlaces + 1)))}
              min={geometry.min}
              max={geometry.max}
              decimalPlaces={metric.decimalPlaces}
              suffix={metric.suffix}
            >
              <svg viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`} preserveAspectRatio="none" className="block h-full w-full overflow-visible">
                {geometry.ticks.map((t) => (
                  <line key={t.value} x1="0" x2={CHART_WIDTH} y1={t.y} y2={t.y} className="stroke-neutral-200 dark:stroke-neutral-800" vectorEffect="non-scaling-stroke" />
                ))}
                <path d={geometry.line} fill="none" className="stroke-sky-600 dark:stroke-sky-400" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
              </svg>
            </SystemMetricHover>
          </div>
          <div className="relative mt-2 h-4 text-[11px] text-neutral-500 dark:text-neutral-400">
            {labels.map((l) => (
              <span key={l.left} className="absolute -translate-x-1/2 whitespace-nowrap" style={{ left: `${l.left}%` }}>
                {l.text}
              </span>
            ))}
          </div>
        </div>
      </div>
      {withData.length === 0 ? (
        <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">{t('empty', { view })}</p>
      ) : (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-neutral-600 underline-offset-2 hover:underline dark:text-neutral-400">{t('dataTable')}</summary>
          <div className="mt-2 max-h-64 overflow-y-auto rounded border border-neutral-200 dark:border-neutral-800" tabIndex={0} role="region" aria-labelledby={`${tableId}-caption`}>
            <table className="system-metric-table w-full text-start tabular-nums" id={tableId}>
              <caption id={`${tableId}-caption`} className="sr-only">
                {t('caption', { name: metric.name, kind, view, zone: timeZone })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="px-2 py-1 font-medium">{t('timeColumn')}</th>
                  <th scope="col" className="px-2 py-1 font-medium">{t('transform', { transform: metric.transform })}</th>
                </tr>
              </thead>
              <tbody>
                {/* Hundreds of rows: styled from globals.css (.system-metric-table), not per cell, to keep / small. */}
                {withData.map((b) => (
                  <tr key={b.start}>
                    <th scope="row">{clock.dateTime(b.start)}</th>
                    <td>{format(b.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}

/** A metric's card: its name, tooltip description and headline figure, and its three views. */
export function SystemMetricCard({ metric, timeZone }: { metric: Metric; timeZone: string }) {
  const t = useTranslations('status.metrics');
  return (
    <article aria-labelledby={`metric-${metric.id}`} className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h3 id={`metric-${metric.id}`} className="font-medium">
          {metric.name}
        </h3>
        {(['day', 'week', 'month'] as const).map((view) => {
          const summary = metric.views[view].summary;
          return (
            <p key={view} data-view={view} className="system-metric-view text-sm text-neutral-600 dark:text-neutral-400">
              {summary === null ? t('noData') : <>
                {t('transform', { transform: metric.transform })} <span className="font-semibold text-neutral-900 tabular-nums dark:text-neutral-100">{formatMetricValue(summary, metric)}</span>
              </>}
            </p>
          );
        })}
      </div>
      {metric.tooltipDescription && <p className="-mt-2 mb-3 text-sm text-neutral-600 dark:text-neutral-400">{metric.tooltipDescription}</p>}
      {(['day', 'week', 'month'] as const).map((view) => (
        <SystemMetricView key={view} metric={metric} view={view} timeZone={timeZone} />
      ))}
    </article>
  );
}
