import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requestContext } from '@/lib/services/context';
import { getIncidentPage } from '@/lib/services/get-incident-page';
import { incidentDocument } from '@/lib/snapshot/page-documents';
import { LiveIncident } from '@/components/live/live-incident';
import { PageHeader } from '@/components/status/page-header';

export const dynamic = 'force-dynamic';

const load = cache(async (id: string) => getIncidentPage({ ctx: await requestContext(), id }));

export async function generateMetadata({ params }: PageProps<'/incidents/[id]'>): Promise<Metadata> {
  const found = await load((await params).id);
  return { title: found ? `${found.incident.name} · ${found.page.name} status` : 'Incident not found' };
}

export default async function IncidentPage({ params }: PageProps<'/incidents/[id]'>) {
  const found = await load((await params).id);
  if (!found) notFound();
  return (
    <>
      <PageHeader page={found.page} />
      {/* Rendered here in full, then kept current from /api/page/incidents/<id>.json. */}
      <LiveIncident initial={incidentDocument(found.incident, found.page.timeZone)} />
      <p className="mt-10 text-sm">
        <Link prefetch={false} href="/" className="underline underline-offset-2">
          ← Current status
        </Link>
      </p>
    </>
  );
}
