import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { configuredUptimeRule } from '@/lib/services/uptime-history';
import { requestContext } from '@/lib/services/context';
import { getStatusPage } from '@/lib/services/get-status-page';
import { overviewDocument } from '@/lib/snapshot/page-documents';
import { LiveOverview } from '@/components/live/live-overview';
import { PageHeader } from '@/components/status/page-header';
import { UptimeBars } from '@/components/status/uptime-bars';
import { SystemMetricsSection } from '@/app/(public)/(overview)/system-metrics-section';
import { currentMemberViewer } from '@/lib/auth/member-session';
import { MemberStatusPage } from '@/components/access/member-status-page';

export const dynamic = 'force-dynamic';

const load = cache(async () =>
  getStatusPage({ ctx: await requestContext(), partialWeight: configuredUptimeRule() }),
);

export async function generateMetadata(): Promise<Metadata> {
  const view = await load();
  const t = await getTranslations('status');
  return { title: t('pageTitle', { name: view.page.name }), description: view.status.description };
}

export default async function StatusPage() {
  // A signed-in member's request reaches Next only (server.ts skips the snapshot for it).
  const viewer = await currentMemberViewer();
  if (viewer) return <MemberStatusPage viewer={viewer} />;
  const view = await load();
  const bars = Object.fromEntries(
    [...view.groups.flatMap((g) => g.components), ...view.ungrouped].map((c) => [
      c.id,
      c.uptime && <UptimeBars componentId={c.id} componentName={c.name} days={c.uptime.days} percent={c.uptime.percent} />,
    ]),
  );
  return (
    <>
      <PageHeader page={view.page} />
      {/* Rendered here in full (JavaScript off shows everything), then kept current from /api/page/overview.json. */}
      <LiveOverview initial={overviewDocument(view)} bars={bars} />
      <SystemMetricsSection />
    </>
  );
}
