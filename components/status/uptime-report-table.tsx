import { useLocale, useTranslations } from 'next-intl';
import { localize } from '@/lib/domain/localize';
import { exportedFigure } from '@/lib/domain/uptime-export';
import type { Locale } from '@/lib/i18n/locales';
import type { UptimeReportView } from '@/lib/services/uptime-views';
import { LocalLink } from '@/components/i18n/locale-prefix';
import { TranslatedText } from '@/components/status/translated-text';
import { FigureLink, formatMinutes } from '@/components/status/uptime-figures';
import { periodLabel } from '@/components/status/uptime-formula';

/**
 * Availability per component (rows) and month (columns), with the whole period last;
 * `contentLocale` is the language the operator writes names in (the page's default).
 */
export function UptimeReportTable({ report, contentLocale }: { report: UptimeReportView; contentLocale: Locale }) {
  const t = useTranslations('uptime.table');
  const status = useTranslations('status');
  const periodTexts = useTranslations('uptime.period');
  const locale = useLocale();
  if (report.rows.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-neutral-300 p-6 text-center text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
        {status('noComponents')}
      </p>
    );
  }
  const period = periodLabel(report.period, locale, periodTexts);
  const minutes = (n: number) => formatMinutes(n, locale);
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-900" tabIndex={0} role="region" aria-label={t('label')}>
      <table className="w-full text-start text-sm" data-report={report.period.key}>
        <caption className="sr-only">{t('caption', { period })}</caption>
        <thead className="text-xs text-neutral-600 dark:text-neutral-400">
          <tr>
            <th scope="col" className="sticky start-0 bg-white px-3 py-2 text-start font-medium dark:bg-neutral-900">{t('component')}</th>
            {report.months.map((m) => (
              <th key={m.key} scope="col" className="px-2 py-2 text-end font-medium whitespace-nowrap">{periodLabel(m, locale, periodTexts, 'short')}</th>
            ))}
            <th scope="col" className="px-3 py-2 text-end font-medium whitespace-nowrap">{period}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100 dark:divide-neutral-800">
          {report.rows.map((r) => {
            const total = exportedFigure(r.total);
            // The figures' accessible names carry the component's name as the reader gets it.
            const name = localize(r.name, r.translations, 'name', locale as Locale, contentLocale).text;
            return (
              <tr key={r.id} data-row={r.id}>
                <th scope="row" className="sticky start-0 min-w-[8.5rem] bg-white px-3 py-1.5 text-start font-normal break-words dark:bg-neutral-900">
                  <LocalLink prefetch={false} href={`/components/${r.id}`} className="font-medium underline-offset-2 hover:underline">
                    <TranslatedText original={r.name} translations={r.translations} field="name" />
                  </LocalLink>
                  {r.groupName && (
                    <TranslatedText original={r.groupName} translations={r.groupTranslations} field="name" className="block text-xs text-neutral-600 dark:text-neutral-400" />
                  )}
                </th>
                {r.months.map((m) => (
                  <td key={m.key} className="px-2 py-1.5 text-end whitespace-nowrap" data-month={m.key}>
                    <FigureLink percent={m.percent} label={`${name}, ${periodLabel(m, locale, periodTexts)}`} weight="font-normal" />
                  </td>
                ))}
                <td className="px-3 py-1.5 text-end whitespace-nowrap" data-month="total">
                  <FigureLink percent={r.total.percent} label={`${name}, ${period}`} />
                  <span className="block text-xs text-neutral-600 dark:text-neutral-400">
                    {t('minutes', { major: minutes(total.major_outage_minutes), partial: minutes(total.partial_outage_minutes) })}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
