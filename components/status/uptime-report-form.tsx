import { useLocale, useTranslations } from 'next-intl';
import type { UptimePeriod } from '@/lib/domain/uptime-periods';
import type { UptimeReportView } from '@/lib/services/uptime-views';
import { TranslatedText } from '@/components/status/translated-text';
import { periodLabel } from '@/components/status/uptime-formula';

const FIELD =
  'mt-1 block w-full rounded-md border border-neutral-300 bg-white px-2 py-1.5 text-sm dark:border-neutral-700 dark:bg-neutral-900';

/**
 * The report's chooser: a plain GET form, so it works without JavaScript and each report has an
 * address; `action` is `/uptime` in the page's language.
 */
export function UptimeReportForm({ report, choices, chosen, action }: { report: UptimeReportView; choices: UptimePeriod[]; chosen: readonly string[]; action: string }) {
  const t = useTranslations('uptime.form');
  const periodTexts = useTranslations('uptime.period');
  const locale = useLocale();
  const selected = new Set(chosen);
  const { period } = report;
  const groups = [...new Set(report.choices.map((c) => c.groupName))];
  const fromValue = period.kind === 'range' && period.key !== 'past-12-months' ? period.key.split('..')[0] : undefined;
  const toValue = period.kind === 'range' && period.key !== 'past-12-months' ? period.key.split('..')[1] : undefined;
  return (
    <form method="get" action={action} className="grid gap-4 rounded-lg border border-neutral-200 bg-white p-4 sm:grid-cols-2 dark:border-neutral-800 dark:bg-neutral-900">
      <details className="sm:col-span-2">
        <summary className="cursor-pointer text-sm font-medium">
          {t('components', { count: selected.size })}
        </summary>
        <fieldset className="mt-2 grid gap-3 sm:grid-cols-2">
          <legend className="sr-only">{t('componentsLegend')}</legend>
          {groups.map((g) => {
            const members = report.choices.filter((c) => c.groupName === g);
            return (
              <div key={g ?? '-'} className="min-w-0">
                {g && (
                  <TranslatedText as="p" original={g} translations={members[0]?.groupTranslations} field="name" className="text-xs font-semibold break-words text-neutral-600 dark:text-neutral-400" />
                )}
                {members.map((c) => (
                  <label key={c.id} className="flex items-center gap-2 py-0.5 text-sm break-words">
                    <input type="checkbox" name="component" value={c.id} defaultChecked={selected.has(c.id)} />
                    <TranslatedText original={c.name} translations={c.translations} field="name" className="min-w-0" />
                  </label>
                ))}
              </div>
            );
          })}
        </fieldset>
      </details>
      <label className="text-sm font-medium">
        {t('period')}
        <select name="period" defaultValue={period.kind === 'range' ? '' : period.key} className={FIELD}>
          <option value="">{periodTexts('pastYear')}</option>
          {(['month', 'quarter', 'year'] as const).map((kind) => (
            <optgroup key={kind} label={{ month: t('months'), quarter: t('quarters'), year: t('years') }[kind]}>
              {choices
                .filter((c) => c.kind === kind)
                .map((c) => (
                  <option key={c.key} value={c.key}>
                    {periodLabel(c, locale, periodTexts)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <fieldset className="grid grid-cols-2 gap-2">
        <legend className="text-sm font-medium">{t('range')}</legend>
        <label className="text-sm">
          {t('from')}
          <input type="date" name="from" defaultValue={fromValue} className={FIELD} />
        </label>
        <label className="text-sm">
          {t('to')}
          <input type="date" name="to" defaultValue={toValue} className={FIELD} />
        </label>
      </fieldset>
      <div className="sm:col-span-2">
        <button type="submit" className="rounded-md bg-neutral-900 px-4 py-2 text-sm font-medium text-white hover:bg-neutral-700 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300">
          {t('submit')}
        </button>
      </div>
    </form>
  );
}
