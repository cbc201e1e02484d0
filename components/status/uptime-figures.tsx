import { useLocale, useTranslations } from 'next-intl';
import { exportedFigure } from '@/lib/domain/uptime-export';
import type { UptimeRule } from '@/lib/domain/uptime';
import type { FigureView } from '@/lib/services/uptime-views';
import { FORMULA_ANCHOR, formatUptime, periodLabel } from '@/components/status/uptime-formula';

/** Whole minutes as printed for people, in the language's format ("12 min", "1.234 Min."). */
export function formatMinutes(minutes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(minutes);
}

/** An uptime figure linking to the formula; a figure with no data says so instead of showing 100 %. */
export function FigureLink({ percent, label, weight = 'font-semibold' }: { percent: number | null; label: string; weight?: string }) {
  const t = useTranslations('uptime.figures');
  const locale = useLocale();
  const value = percent === null ? t('noData') : formatUptime(percent, locale);
  return (
    <a href={`#${FORMULA_ANCHOR}`} className={`${weight} tabular-nums underline decoration-dotted underline-offset-2`} aria-label={t('link', { label, value })}>
      {value}
    </a>
  );
}

/** A table of figures (months, quarters or years) with the minutes of outage behind each. */
export function UptimeFigures({ caption, figures, rule }: { caption: string; figures: FigureView[]; rule: UptimeRule }) {
  const t = useTranslations('uptime.figures');
  const period = useTranslations('uptime.period');
  const locale = useLocale();
  const minutes = (n: number) => formatMinutes(n, locale);
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-900">
      <table className="w-full text-start text-sm">
        <caption className="px-3 pt-2 text-start font-semibold">{caption}</caption>
        <thead className="text-xs text-neutral-600 dark:text-neutral-400">
          <tr>
            <th scope="col" className="px-3 py-2 text-start font-medium">{t('period')}</th>
            <th scope="col" className="px-3 py-2 text-end font-medium">{t('uptime')}</th>
            <th scope="col" className="px-3 py-2 text-end font-medium">{t('major')}</th>
            <th scope="col" className="px-3 py-2 text-end font-medium">{t('partial')}</th>
            {rule.maintenanceCounts && <th scope="col" className="px-3 py-2 text-end font-medium">{t('maintenance')}</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100 dark:divide-neutral-800">
          {figures.map((f) => {
            const e = exportedFigure(f);
            const label = periodLabel(f, locale, period);
            return (
              <tr key={f.key} data-figure={f.key}>
                <th scope="row" className="px-3 py-1.5 text-start font-normal whitespace-nowrap">{label}</th>
                <td className="px-3 py-1.5 text-end"><FigureLink percent={f.percent} label={label} /></td>
                <td className="px-3 py-1.5 text-end tabular-nums whitespace-nowrap" data-major-minutes={e.major_outage_minutes}>{minutes(e.major_outage_minutes)}</td>
                <td className="px-3 py-1.5 text-end tabular-nums whitespace-nowrap" data-partial-minutes={e.partial_outage_minutes}>{minutes(e.partial_outage_minutes)}</td>
                {rule.maintenanceCounts && <td className="px-3 py-1.5 text-end tabular-nums whitespace-nowrap">{minutes(e.maintenance_minutes)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
