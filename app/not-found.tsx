import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requestPrefix } from '@/lib/i18n/page-prefix';
import { requestContext } from '@/lib/services/context';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { PageHeader } from '@/components/status/page-header';

/** The page's header even here, so a mistyped address still looks like this status page. */
async function header() {
  try {
    const ctx = await requestContext();
    const s = await getPageSettings(ctx.db, ctx.now());
    return <PageHeader page={{ id: s.id, name: s.name, logoUrl: s.logo_url, timeZone: s.time_zone }} />;
  } catch {
    // No database: the message alone is still a useful answer.
    return null;
  }
}

export default async function NotFound() {
  const [t, tc, prefix] = await Promise.all([getTranslations('errors'), getTranslations('common'), requestPrefix()]);
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-6 sm:px-6">
      {await header()}
      <main id="main" className="py-16 text-center">
        <h1 className="text-2xl font-bold">{t('notFoundTitle')}</h1>
        <p className="mt-2 text-neutral-600 dark:text-neutral-400">{t('notFoundText')}</p>
        <p className="mt-6 flex justify-center gap-6">
          <Link href={prefix || '/'} className="font-medium underline underline-offset-2">
            {tc('currentStatus')}
          </Link>
          <Link href={`${prefix}/history`} className="font-medium underline underline-offset-2">
            {tc('incidentHistory')}
          </Link>
        </p>
      </main>
    </div>
  );
}
