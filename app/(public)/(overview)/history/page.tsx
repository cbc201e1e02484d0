import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { monthLabel } from '@/components/ui/format-time';
import { requestPrefix } from '@/lib/i18n/page-prefix';
import { requestContext } from '@/lib/services/context';
import { getHistoryPage, parseHistoryQuery } from '@/lib/services/get-history-page';
import { historyDocument } from '@/lib/snapshot/page-documents';
import { LiveHistory } from '@/components/live/live-history';
import { ComponentFilter } from '@/components/status/component-filter';
import { PageHeader } from '@/components/status/page-header';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('history'))('title') };
}

function href(prefix: string, page: number, component: string | undefined): string {
  const params = new URLSearchParams();
  if (page > 1) params.set('page', String(page));
  if (component) params.set('component', component);
  const query = params.toString();
  return query ? `${prefix}/history?${query}` : `${prefix}/history`;
}

export default async function HistoryPage({ searchParams }: PageProps<'/history'>) {
  const raw = await searchParams;
  const query = parseHistoryQuery({
    page: typeof raw.page === 'string' ? raw.page : undefined,
    component: typeof raw.component === 'string' ? raw.component : undefined,
  });
  const view = await getHistoryPage({ ctx: await requestContext(), pageNumber: query.page, componentId: query.component });
  // The snapshot layer answers the same 404s from its index (lib/snapshot/page-keys.ts).
  if (!view) notFound();
  const [t, prefix, locale] = await Promise.all([getTranslations('history'), requestPrefix(), getLocale()]);
  const first = view.months[view.months.length - 1]!;
  const last = view.months[0]!;

  return (
    <>
      <PageHeader page={view.page} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            {monthLabel(first.key, first.label, locale)} – {monthLabel(last.key, last.label, locale)}
            {view.componentFilter && t('only', { name: view.componentFilter.name })}
          </p>
        </div>
        <ComponentFilter components={view.components} selected={view.componentFilter?.id} action={`${prefix}/history`} />
      </div>

      {/* The first page is kept current from /api/page/history.json, where new incidents appear. */}
      <LiveHistory initial={historyDocument(view)} live={view.pageNumber === 1 && !view.componentFilter} />

      <nav aria-label={t('pages')} className="mt-10 flex items-center justify-between text-sm font-medium">
        {view.pageNumber > 1 ? (
          <Link prefetch={false} href={href(prefix, view.pageNumber - 1, view.componentFilter?.id)} className="underline underline-offset-2" rel="prev">
            {t('newer')}
          </Link>
        ) : (
          <span />
        )}
        {view.hasOlder && (
          <Link prefetch={false} href={href(prefix, view.pageNumber + 1, view.componentFilter?.id)} className="underline underline-offset-2" rel="next">
            {t('older')}
          </Link>
        )}
      </nav>
    </>
  );
}
