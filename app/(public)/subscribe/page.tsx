import type { Metadata } from 'next';
import { PageHeader } from '@/components/status/page-header';
import { SubscribeForm } from '@/components/subscriptions/subscribe-form';
import { requestContext } from '@/lib/services/context';
import { listComponentChoices } from '@/lib/services/get-subscription';
import { getPageSettings } from '@/lib/services/page-settings';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const ctx = await requestContext();
  const settings = await getPageSettings(ctx.db, ctx.now());
  return { title: `Subscribe · ${settings.name} status` };
}

/** Subscribe to alerts by email or webhook. */
export default async function SubscribePage() {
  const ctx = await requestContext();
  const [settings, choices] = await Promise.all([getPageSettings(ctx.db, ctx.now()), listComponentChoices(ctx.db)]);
  return (
    <>
      <PageHeader page={{ id: settings.id, name: settings.name, logoUrl: settings.logo_url, timeZone: settings.time_zone }} />
      <h1 className="text-2xl font-bold">Get alerts</h1>
      <p className="mt-2 mb-6 text-neutral-700 dark:text-neutral-300">
        Hear from {settings.name} when an incident starts, as it changes and when it is resolved, and before planned maintenance.
        Every message has a one-click unsubscribe link.
      </p>
      <SubscribeForm choices={choices} />
      <p className="mt-6 text-sm text-neutral-600 dark:text-neutral-400">
        Automating? <code>POST /api/subscriptions</code> with{' '}
        <code>{'{"type":"webhook","url":"https://…"}'}</code> or <code>{'{"type":"email","email":"…"}'}</code>.
      </p>
    </>
  );
}
