import { getTranslations } from 'next-intl/server';
import { VIEW_NAMES } from '@/lib/domain/system-metrics/views';
import { requestContext } from '@/lib/services/context';
import { getSystemMetricCharts } from '@/lib/services/get-system-metric-charts';
import { SystemMetricCard } from '@/components/status/system-metric-chart';

/**
 * The "System metrics" section of `/`: every displayed metric as a chart, with one Day / Week /
 * Month switch for all of them. The switch is three radio buttons that CSS follows (globals.css,
 * `.system-metrics`), so it works from the snapshot with JavaScript off; nothing shows without metrics.
 */
export async function SystemMetricsSection() {
  const [{ metrics, timeZone }, t] = await Promise.all([getSystemMetricCharts({ ctx: await requestContext() }), getTranslations('status.metrics')]);
  if (metrics.length === 0) return null;
  return (
    <section aria-labelledby="system-metrics" className="system-metrics mt-10">
      <h2 id="system-metrics" className="mb-3 text-lg font-semibold">
        {t('heading')}
      </h2>
      {VIEW_NAMES.map((view) => (
        <input key={view} type="radio" name="system-metrics-view" id={`system-metrics-${view}`} value={view} defaultChecked={view === 'day'} className="sr-only" />
      ))}
      <div className="system-metrics-switch mb-4 inline-flex rounded-md border border-neutral-300 p-0.5 text-sm dark:border-neutral-700">
        <span className="sr-only">{t('period')}</span>
        {VIEW_NAMES.map((view) => (
          <label key={view} htmlFor={`system-metrics-${view}`} data-for={view} className="cursor-pointer rounded px-3 py-1 text-neutral-700 dark:text-neutral-300">
            {t(view)}
          </label>
        ))}
      </div>
      <div className="space-y-4">
        {metrics.map((m) => (
          <SystemMetricCard key={m.id} metric={m} timeZone={timeZone} />
        ))}
      </div>
    </section>
  );
}
