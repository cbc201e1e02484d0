import { useLocale, useTranslations } from 'next-intl';
import type { UptimeRule } from '@/lib/domain/uptime';
import { formatDayKey, monthLabel } from '@/components/ui/format-time';

/** Where each figure's link leads: the explanation of how it is computed, on the same page. */
export const FORMULA_ANCHOR = 'how-uptime-is-computed';

/** The words a period label needs, from `uptime.period`. */
export type PeriodTexts = (key: 'quarter' | 'yearToDate' | 'range' | 'pastYear', values?: Record<string, string>) => string;

/** An uptime figure as printed for people: two decimals in the language's format (99.95%, 99,95 %). */
export function formatUptime(percent: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(percent / 100);
}

/**
 * A period (month, quarter, year, year to date, from–to range, past 12 months) named in the page's
 * language from its key; English keeps the label the server made, as the downloads carry it.
 */
export function periodLabel({ key, label }: { key: string; label: string }, locale: string, t: PeriodTexts, month: 'long' | 'short' = 'long'): string {
  if (locale === 'en') return label;
  if (/^\d{4}-\d{2}$/.test(key)) {
    return month === 'long'
      ? monthLabel(key, label, locale)
      : new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${key}-15T12:00:00Z`));
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return t('quarter', { year: quarter[1]!, quarter: quarter[2]! });
  if (/^\d{4}$/.test(key)) return label === key ? key : t('yearToDate', { year: key });
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (range) return t('range', { from: formatDayKey(range[1]!, locale), to: formatDayKey(range[2]!, locale) });
  return key === 'past-12-months' ? t('pastYear') : label;
}

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

/** How every uptime figure on the page is computed, with this page's settings filled in. */
export function UptimeFormula({ rule, timeZone, group }: { rule: UptimeRule; timeZone: string; group?: boolean }) {
  const t = useTranslations('uptime.formula');
  const locale = useLocale();
  const weight = Math.round(rule.partialWeight * 100);
  return (
    <section id={FORMULA_ANCHOR} aria-labelledby={`${FORMULA_ANCHOR}-title`} className="mt-10 scroll-mt-4 rounded-lg border border-neutral-200 bg-neutral-50 p-4 text-sm break-words dark:border-neutral-800 dark:bg-neutral-900">
      <h2 id={`${FORMULA_ANCHOR}-title`} className="text-base font-semibold">{t('title')}</h2>
      <p className="mt-2">{t('definition', { zone: timeZone })}</p>
      <ul className="mt-2 list-disc space-y-1 ps-5">
        <li>{t.rich('major', { strong })}</li>
        <li>{t.rich('partial', { strong, weight: new Intl.NumberFormat(locale).format(weight), statuspage: weight === 30 ? 'yes' : 'no' })}</li>
        <li>{t.rich('maintenance', { strong, counts: rule.maintenanceCounts ? 'yes' : 'no' })}</li>
        <li>{t.rich('noData', { strong })}</li>
        {group && <li>{t('group')}</li>}
      </ul>
      <p className="mt-2">{t('rounding')}</p>
    </section>
  );
}
