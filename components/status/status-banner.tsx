import { useTranslations } from 'next-intl';
import { descriptionKey, type PageStatus } from '@/lib/domain/rollup';
import { INDICATOR_BANNER } from '@/components/status/status-style';

/** The overall state of the page, in Statuspage's words, coloured by indicator. */
export function StatusBanner({ status }: { status: PageStatus }) {
  const t = useTranslations('status');
  const key = descriptionKey(status.description);
  return (
    <section
      aria-label={t('overallStatus')}
      data-indicator={status.indicator}
      className={`rounded-lg px-5 py-4 text-lg font-semibold text-white shadow-sm ${INDICATOR_BANNER[status.indicator]}`}
    >
      {/* React hoists this into <head>, after the layout's neutral icon: the tab shows the status. */}
      <link rel="icon" type="image/svg+xml" href={`/favicon-${status.indicator}.svg`} />
      <p role="status">{key ? t(`indicator.${key}`) : status.description}</p>
    </section>
  );
}
