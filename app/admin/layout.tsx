import type { Metadata } from 'next';
import Link from 'next/link';
import { currentOperator, hasRole } from '@/lib/auth/require-operator';
import { signOutAction } from '@/app/admin/actions/session';
import { mailGoesToDevMailboxInProduction } from '@/lib/notify/email';
import { ConsoleNav } from '@/components/admin/console-nav';
import { Toaster } from '@/components/admin/toaster';
import { NextIntlClientProvider } from 'next-intl';
import { publicMessages } from '@/lib/i18n/messages';

export const metadata: Metadata = { title: { default: 'Beacon console', template: '%s · Beacon console' }, robots: { index: false } };

const NAV = [
  { href: '/admin', label: 'Dashboard', role: 'responder' },
  { href: '/admin/incidents', label: 'Incidents', role: 'responder' },
  { href: '/admin/notices', label: 'Notices', role: 'responder' },
  { href: '/admin/maintenance', label: 'Maintenance', role: 'responder' },
  { href: '/admin/components', label: 'Components', role: 'responder' },
  { href: '/admin/templates', label: 'Templates', role: 'responder' },
  { href: '/admin/system-metrics', label: 'System metrics', role: 'responder' },
  { href: '/admin/subscribers', label: 'Subscribers', role: 'responder' },
  { href: '/admin/audiences', label: 'Audiences', role: 'responder' },
  { href: '/admin/integrations', label: 'Integrations', role: 'responder' },
  { href: '/admin/deliveries', label: 'Deliveries', role: 'responder' },
  { href: '/admin/mailbox', label: 'Mailbox', role: 'responder' },
  { href: '/admin/audit', label: 'Audit log', role: 'admin' },
  { href: '/admin/operators', label: 'Operators', role: 'admin' },
  { href: '/admin/api-keys', label: 'API keys', role: 'admin' },
  { href: '/admin/settings', label: 'Settings', role: 'admin' },
] as const;

/**
 * The console frame. It only decides what the navigation shows: every page and action
 * checks the session and role itself.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const [operator, messages] = await Promise.all([currentOperator(), publicMessages('en')]);
  return (
    // The console is English; the public components it shows (times, statuses, timelines) too.
    <NextIntlClientProvider locale="en" messages={messages} timeZone="UTC">
      <Toaster>
        <div className="min-h-screen">
          <header className="border-b border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-900">
            <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
              <Link href="/admin" className="font-bold">
                Beacon console
              </Link>
              {operator && (
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <Link href="/admin/account" className="text-neutral-600 underline-offset-2 hover:underline dark:text-neutral-400">
                    {operator.name} · {operator.role}
                  </Link>
                  <Link href="/" className="underline underline-offset-2">
                    Public page
                  </Link>
                  <form action={signOutAction}>
                    <button type="submit" className="underline underline-offset-2">
                      Sign out
                    </button>
                  </form>
                </div>
              )}
            </div>
            {operator && <ConsoleNav items={NAV.filter((item) => hasRole(operator, item.role)).map(({ href, label }) => ({ href, label }))} />}
          </header>
          {operator && mailGoesToDevMailboxInProduction() && (
            <div role="alert" className="border-b border-red-300 bg-red-50 px-4 py-2 text-center text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
              <strong>No email is being sent.</strong> SMTP_URL is not set, so confirmations and alerts stay in the{' '}
              <Link href="/admin/mailbox" className="underline">
                dev mailbox
              </Link>
              . Set SMTP_URL and restart.
            </div>
          )}
          <main id="main" className="mx-auto max-w-6xl px-4 py-6">
            {children}
          </main>
        </div>
      </Toaster>
    </NextIntlClientProvider>
  );
}
