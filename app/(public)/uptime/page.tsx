import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { parseReportQuery, periodChoices } from '@/lib/domain/uptime-periods';
import { reportCsv, reportJson } from '@/lib/domain/uptime-export';
import { requestContext } from '@/lib/services/context';
import { ValidationError } from '@/lib/services/errors';
import { getUptimeReport } from '@/lib/services/get-uptime-report';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { pageLanguage } from '@/lib/i18n/page-request';
import { PageHeader } from '@/components/status/page-header';
import { periodLabel, UptimeFormula } from '@/components/status/uptime-formula';
import { UptimeReportForm } from '@/components/status/uptime-report-form';
import { UptimeReportTable } from '@/components/status/uptime-report-table';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('common'))('uptimeReport') };
}

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : null);

/** The file a download link carries: the same numbers as the table, in the page itself (served from its snapshot). */
function dataUrl(type: string, text: string): string {
  return `data:${type};base64,${Buffer.from(text, 'utf8').toString('base64')}`;
}

export default async function UptimeReportPage({ searchParams }: PageProps<'/uptime'>) {
  const raw = await searchParams;
  const ctx = await requestContext();
  const now = ctx.now();
  const settings = await getPageSettings(ctx.db, now);
  const query = parseReportQuery({ component: list(raw.component), period: one(raw.period), from: one(raw.from), to: one(raw.to) }, now, settings.time_zone);
  // Bad parameters are a 404 that says which fields to check (./not-found.tsx), as the snapshot layer answers them.
  if (!('key' in query)) notFound();
  let report;
  try {
    report = await getUptimeReport({ ctx, period: query.period, componentIds: query.componentIds });
  } catch (error) {
    if (error instanceof ValidationError) notFound();
    throw error;
  }
  const file = `uptime-${report.period.key}`;
  const [t, common, periodTexts, lang] = await Promise.all([getTranslations('uptime.report'), getTranslations('common'), getTranslations('uptime.period'), pageLanguage()]);
  return (
    <>
      <PageHeader page={report.page} />
      <h1 className="text-2xl font-bold">{common('uptimeReport')}</h1>
      <p className="mb-4 text-sm text-neutral-600 dark:text-neutral-400">{t('intro', { zone: report.page.timeZone })}</p>
      <UptimeReportForm report={report} choices={periodChoices(now, report.page.timeZone)} chosen={query.componentIds} action={`${lang.prefix}/uptime`} />

      <div className="mt-6 flex flex-wrap items-baseline justify-between gap-3">
        <h2 className="text-lg font-semibold">{periodLabel(report.period, lang.locale, periodTexts)}</h2>
        {report.rows.length > 0 && (
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium">
            <a href={dataUrl('text/csv;charset=utf-8', reportCsv(report))} download={`${file}.csv`} className="underline underline-offset-2">
              {t('downloadCsv')}
            </a>
            <a href={dataUrl('application/json', JSON.stringify(reportJson(report), null, 2))} download={`${file}.json`} className="underline underline-offset-2">
              {t('downloadJson')}
            </a>
          </p>
        )}
      </div>
      <div className="mt-3">
        <UptimeReportTable report={report} contentLocale={lang.defaultLocale} />
      </div>
      <UptimeFormula rule={report.rule} timeZone={report.page.timeZone} />
    </>
  );
}
