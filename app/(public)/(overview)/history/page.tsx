import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requestContext } from '@/lib/services/context';
import { getHistoryPage, parseHistoryQuery } from '@/lib/services/get-history-page';
import { historyDocument } from '@/lib/snapshot/page-documents';
import { LiveHistory } from '@/components/live/live-history';
import { ComponentFilter } from '@/components/status/component-filter';
import { PageHeader } from '@/components/status/page-header';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Incident history' };

function href(page: number, component: string | undefined): string {
  const params = new URLSearchParams();
  if (page > 1) params.set('page', String(page));
  if (component) params.set('component', component);
  const query = params.toString();
  return query ? `/history?${query}` : '/history';
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
  const first = view.months[view.months.length - 1]!;
  const last = view.months[0]!;

  return (
    <>
      <PageHeader page={view.page} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Incident history</h1>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            {first.label} – {last.label}
            {view.componentFilter && <> · {view.componentFilter.name} only</>}
          </p>
        </div>
        <ComponentFilter components={view.components} selected={view.componentFilter?.id} />
      </div>

      {/* The first page is kept current from /api/page/history.json, where new incidents appear. */}
      <LiveHistory initial={historyDocument(view)} live={view.pageNumber === 1 && !view.componentFilter} />

      <nav aria-label="History pages" className="mt-10 flex items-center justify-between text-sm font-medium">
        {view.pageNumber > 1 ? (
          <Link prefetch={false} href={href(view.pageNumber - 1, view.componentFilter?.id)} className="underline underline-offset-2" rel="prev">
            ← Newer
          </Link>
        ) : (
          <span />
        )}
        {view.hasOlder && (
          <Link prefetch={false} href={href(view.pageNumber + 1, view.componentFilter?.id)} className="underline underline-offset-2" rel="next">
            Older →
          </Link>
        )}
      </nav>
    </>
  );
}
