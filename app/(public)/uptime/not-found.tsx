import { getTranslations } from 'next-intl/server';
import { requestContext } from '@/lib/services/context';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { LocalLink } from '@/components/i18n/locale-prefix';
import { PageHeader } from '@/components/status/page-header';

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

/** A report asked with parameters that name nothing: what each field of the form takes. */
export default async function UptimeReportNotFound() {
  const ctx = await requestContext();
  const [s, t] = await Promise.all([getPageSettings(ctx.db, ctx.now()), getTranslations('uptime.notFound')]);
  return (
    <>
      <PageHeader page={{ id: s.id, name: s.name, logoUrl: s.logo_url, timeZone: s.time_zone }} />
      <section className="py-12">
        <h1 className="text-center text-2xl font-bold break-words">{t('title')}</h1>
        <p className="mt-2 text-center text-neutral-600 dark:text-neutral-400">{t('check')}</p>
        <ul className="mx-auto mt-4 max-w-md list-disc space-y-1 ps-5 text-sm">
          <li>{t.rich('components', { strong })}</li>
          <li>{t.rich('period', { strong })}</li>
          <li>{t.rich('range', { strong })}</li>
        </ul>
        <p className="mt-6 text-center">
          <LocalLink prefetch={false} href="/uptime" className="font-medium underline underline-offset-2">{t('again')}</LocalLink>
        </p>
      </section>
    </>
  );
}
