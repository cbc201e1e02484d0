import type { Metadata } from 'next';
import Link from 'next/link';
import { publicUrl } from '@/lib/env';
import { LiveProvider } from '@/components/live/live-context';
import { LiveStatus } from '@/components/live/live-status';
import { StaleNotice } from '@/components/live/stale-notice';

/** Feeds and calendar announced in every public page's <head>, with absolute links. */
export function generateMetadata(): Metadata {
  const base = publicUrl();
  return {
    metadataBase: new URL(base),
    alternates: {
      types: {
        'application/rss+xml': [{ url: `${base}/history.rss`, title: 'Incident history (RSS)' }],
        'application/atom+xml': [{ url: `${base}/history.atom`, title: 'Incident history (Atom)' }],
        'text/calendar': [{ url: `${base}/maintenance.ics`, title: 'Maintenance calendar' }],
      },
    },
  };
}

/** Frame of every public page: skip link, navigation and footer. */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <LiveProvider>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-neutral-900"
      >
        Skip to content
      </a>
      <div className="mx-auto flex min-h-screen w-full max-w-3xl flex-col px-4 py-6 sm:px-6">
        <main id="main" className="flex-1">
          <StaleNotice />
          {children}
        </main>
        <footer className="mt-12 flex flex-wrap items-center justify-between gap-2 border-t border-neutral-200 pt-4 text-sm text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
          {/* Public links never prefetch: each visitor's load would cost Next an RSC render per link,
              which the snapshot layer does not answer. */}
          <nav aria-label="Footer" className="flex flex-wrap gap-4">
            <Link prefetch={false} href="/" className="hover:underline">
              Current status
            </Link>
            <Link prefetch={false} href="/history" className="hover:underline">
              Incident history
            </Link>
            <Link prefetch={false} href="/subscribe" className="hover:underline">
              Subscribe
            </Link>
            <a href="/history.rss" className="hover:underline">
              RSS
            </a>
            <a href="/history.atom" className="hover:underline">
              Atom
            </a>
            <a href="/maintenance.ics" className="hover:underline">
              Calendar
            </a>
            <Link prefetch={false} href="/api" className="hover:underline">
              API
            </Link>
          </nav>
          <span className="flex items-center gap-4">
            <LiveStatus />
            <span>Powered by Beacon</span>
          </span>
        </footer>
      </div>
    </LiveProvider>
  );
}
