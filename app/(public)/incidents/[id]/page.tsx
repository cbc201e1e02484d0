import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { requestPrefix } from '@/lib/i18n/page-prefix';
import { pageLanguage } from '@/lib/i18n/page-request';
import { localize } from '@/lib/domain/localize';
import { requestContext } from '@/lib/services/context';
import { getIncidentPage } from '@/lib/services/get-incident-page';
import { incidentDocument } from '@/lib/snapshot/page-documents';
import { LiveIncident } from '@/components/live/live-incident';
import { PageHeader } from '@/components/status/page-header';
import { currentMemberViewer, memberAudiences } from '@/lib/auth/member-session';
import { MemberBar } from '@/components/access/member-bar';
import { IncidentFiles } from '@/components/access/incident-files';
import { listIncidentFiles } from '@/lib/services/list-incident-files';
import { signFileLinks } from '@/lib/services/sign-file-link';

export const dynamic = 'force-dynamic';

// A signed-in member's request (never a snapshot) sees their audiences' private incidents too.
// Files only ever for a member: the public (and so the snapshot) gets none, and no link.
const load = cache(async (id: string) => {
  const viewer = await currentMemberViewer();
  const ctx = await requestContext();
  const found = await getIncidentPage({ ctx, id, viewer: memberAudiences(viewer) });
  const files = viewer && found ? await listIncidentFiles({ ctx, incidentId: found.incident.id, viewer: memberAudiences(viewer) }) : [];
  const links = viewer ? signFileLinks({ ctx, memberId: viewer.memberId, fileIds: files.map((f) => f.id) }) : new Map<string, string>();
  return { viewer, found, files, links };
});

export async function generateMetadata({ params }: PageProps<'/incidents/[id]'>): Promise<Metadata> {
  const { found } = await load((await params).id);
  const [t, lang] = await Promise.all([getTranslations('incident'), pageLanguage()]);
  if (!found) return { title: t('notFoundTitle') };
  const title = localize(found.incident.name, found.incident.translations, 'name', lang.locale, lang.defaultLocale).text;
  return { title: t('pageTitle', { incident: title, name: found.page.name }) };
}

export default async function IncidentPage({ params }: PageProps<'/incidents/[id]'>) {
  const { viewer, found, files, links } = await load((await params).id);
  if (!found) notFound();
  const [t, prefix] = await Promise.all([getTranslations('incident'), requestPrefix()]);
  return (
    <>
      {viewer && <MemberBar viewer={viewer} />}
      <PageHeader page={found.page} />
      {/* Rendered here in full, then kept current from /api/page/incidents/<id>.json. */}
      <LiveIncident initial={incidentDocument(found.incident, found.page.timeZone)} live={!found.incident.privateTo} />
      <IncidentFiles files={files} links={links} timeZone={found.page.timeZone} />
      <p className="mt-10 text-sm">
        <Link prefetch={false} href={prefix || '/'} className="underline underline-offset-2">
          {t('backToStatus')}
        </Link>
      </p>
    </>
  );
}
