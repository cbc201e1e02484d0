import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requestPrefix } from '@/lib/i18n/page-prefix';
import { requestContext } from '@/lib/services/context';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { PageHeader } from '@/components/status/page-header';

export default async function IncidentNotFound() {
  const ctx = await requestContext();
  const s = await getPageSettings(ctx.db, ctx.now());
  const [t, tc, prefix] = await Promise.all([getTranslations('incident'), getTranslations('common'), requestPrefix()]);
  return (
    <>
    <PageHeader page={{ id: s.id, name: s.name, logoUrl: s.logo_url, timeZone: s.time_zone }} />
    <section className="py-16 text-center">
      <h1 className="text-2xl font-bold">{t('notFoundTitle')}</h1>
      <p className="mt-2 text-neutral-600 dark:text-neutral-400">
        {t('notFoundText')}
      </p>
      <p className="mt-6 flex justify-center gap-6">
        <Link prefetch={false} href={prefix || '/'} className="font-medium underline underline-offset-2">
          {tc('currentStatus')}
        </Link>
        <Link prefetch={false} href={`${prefix}/history`} className="font-medium underline underline-offset-2">
          {tc('incidentHistory')}
        </Link>
      </p>
    </section>
    </>
  );
}
