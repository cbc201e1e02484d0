import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalTime } from '@/components/ui/local-time';
import { requireOperator } from '@/lib/auth/require-operator';
import { getEnv } from '@/lib/env';
import { getDevMail, listDevMail } from '@/lib/services/admin-deliveries';
import { requestContext } from '@/lib/services/context';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { QueryText } from '@/lib/services/schemas';

export const metadata: Metadata = { title: 'Mailbox' };

/** The dev mailbox: mail kept in the database while no SMTP server is configured. */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireOperator('responder');
  const { id } = await searchParams;
  const ctx = await requestContext();
  const [messages, settings, open] = await Promise.all([
    listDevMail(ctx.db),
    getPageSettings(ctx.db, ctx.now()),
    typeof id === 'string' && QueryText.safeParse(id).success ? getDevMail(ctx.db, id) : Promise.resolve(undefined),
  ]);
  const tz = settings.time_zone;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Mailbox</h1>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        {getEnv().SMTP_URL
          ? 'SMTP_URL is set, so mail goes to your SMTP server; this shows what was kept before it was set.'
          : 'No SMTP_URL is set: every email Beacon sends is kept here instead, so you can follow confirmation links without a mail server.'}
      </p>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_1fr]">
        <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 text-sm dark:divide-neutral-800 dark:border-neutral-800" aria-label="Messages">
          {messages.length === 0 && <li className="px-3 py-2 text-neutral-600 dark:text-neutral-400">No mail yet.</li>}
          {messages.map((m) => (
            <li key={m.id}>
              <Link href={`/admin/mailbox?id=${m.id}`} className={`block px-3 py-2 hover:bg-neutral-100 dark:hover:bg-neutral-800 ${m.id === id ? 'bg-neutral-100 dark:bg-neutral-800' : ''}`}>
                <span className="block font-medium break-words">{m.subject}</span>
                <span className="block text-xs text-neutral-600 dark:text-neutral-400">
                  to {m.to} · <LocalTime iso={m.created_at} timeZone={tz} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
        {open ? (
          <article className="space-y-3" aria-label="Message">
            <h2 className="text-lg font-semibold break-words">{open.subject}</h2>
            <p className="text-sm text-neutral-600 dark:text-neutral-400">
              From {open.from} to {open.to}
            </p>
            {/* sandbox without scripts: operator-visible rendering of the exact HTML subscribers get */}
            <iframe title="HTML version" sandbox="" srcDoc={open.html} className="h-[36rem] w-full rounded-lg border border-neutral-200 bg-white dark:border-neutral-800" />
            <details>
              <summary className="cursor-pointer text-sm">Plain text and headers</summary>
              <pre className="mt-2 overflow-x-auto rounded bg-neutral-100 p-3 text-xs whitespace-pre-wrap dark:bg-neutral-900">{open.text}</pre>
              <pre className="mt-2 overflow-x-auto rounded bg-neutral-100 p-3 text-xs dark:bg-neutral-900">{JSON.stringify(JSON.parse(open.headers), null, 2)}</pre>
            </details>
          </article>
        ) : (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">Choose a message to read it.</p>
        )}
      </div>
    </div>
  );
}
