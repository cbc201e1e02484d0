import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requestPrefix } from '@/lib/i18n/page-prefix';

/** Frame of the member sign-in pages: a narrow column with a way back to the status page, in the reader's language. */
export default async function AccessLayout({ children }: { children: React.ReactNode }) {
  const [t, prefix] = await Promise.all([getTranslations('access'), requestPrefix()]);
  return (
    <div className="mx-auto flex min-h-screen w-full max-w-md flex-col px-4 py-10 sm:px-6">
      <main id="main" className="flex-1">
        {children}
      </main>
      <footer className="mt-12 border-t border-neutral-200 pt-4 text-sm text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
        <Link prefetch={false} href={prefix || '/'} className="hover:underline">
          {t('backToStatus')}
        </Link>
      </footer>
    </div>
  );
}
