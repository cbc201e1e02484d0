import Link from 'next/link';
import { requestContext } from '@/lib/services/context';
import { getPageSettings } from '@/lib/services/page-settings';
import { PageHeader } from '@/components/status/page-header';

export default async function IncidentNotFound() {
  const ctx = await requestContext();
  const s = await getPageSettings(ctx.db, ctx.now());
  return (
    <>
    <PageHeader page={{ id: s.id, name: s.name, logoUrl: s.logo_url, timeZone: s.time_zone }} />
    <section className="py-16 text-center">
      <h1 className="text-2xl font-bold">Incident not found</h1>
      <p className="mt-2 text-neutral-600 dark:text-neutral-400">
        There is no incident or maintenance with this address. It may have been mistyped.
      </p>
      <p className="mt-6 flex justify-center gap-6">
        <Link prefetch={false} href="/" className="font-medium underline underline-offset-2">
          Current status
        </Link>
        <Link prefetch={false} href="/history" className="font-medium underline underline-offset-2">
          Incident history
        </Link>
      </p>
    </section>
    </>
  );
}
