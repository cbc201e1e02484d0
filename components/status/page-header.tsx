import { useTranslations } from 'next-intl';
import { LocalLink } from '@/components/i18n/locale-prefix';
import type { PageView } from '@/lib/services/views';

/** The page's logo and name, linking home, with the main navigation. */
export function PageHeader({ page }: { page: PageView }) {
  const t = useTranslations('common');
  return (
    <header className="mb-6 flex flex-wrap items-center justify-between gap-3">
      <LocalLink prefetch={false} href={'/'} className="flex min-w-0 items-center gap-3">
        {page.logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- operator-supplied URL of unknown size
          <img src={page.logoUrl} alt="" className="h-9 w-auto max-w-[10rem]" />
        ) : (
          <span
            aria-hidden="true"
            className="flex h-9 w-9 shrink-0 items-center justify-center rounded-lg bg-neutral-900 text-lg font-bold text-white dark:bg-neutral-100 dark:text-neutral-900"
          >
            {page.name.slice(0, 1).toUpperCase()}
          </span>
        )}
        <span className="text-xl font-bold break-words">{page.name}</span>
      </LocalLink>
      <nav aria-label={t('mainNav')} className="flex items-center gap-4 text-sm font-medium">
        <LocalLink prefetch={false} href={'/history'} className="underline-offset-4 hover:underline">
          {t('history')}
        </LocalLink>
        <LocalLink prefetch={false}
          href={'/subscribe'}
          className="rounded-md bg-neutral-900 px-3 py-1 text-white hover:bg-neutral-700 dark:bg-neutral-100 dark:text-neutral-900 dark:hover:bg-neutral-300"
        >
          {t('subscribeToUpdates')}
        </LocalLink>
      </nav>
    </header>
  );
}
