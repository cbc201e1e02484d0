import type { Metadata } from 'next';
import { cache } from 'react';
import { getEnv } from '@/lib/env';
import { requestContext } from '@/lib/services/context';
import { getStatusPage } from '@/lib/services/get-status-page';
import { overviewDocument } from '@/lib/snapshot/page-documents';
import { LiveOverview } from '@/components/live/live-overview';
import { PageHeader } from '@/components/status/page-header';
import { UptimeBars } from '@/components/status/uptime-bars';

export const dynamic = 'force-dynamic';

const load = cache(async () =>
  getStatusPage({ ctx: await requestContext(), partialWeight: getEnv().BEACON_UPTIME_PARTIAL_WEIGHT }),
);

export async function generateMetadata(): Promise<Metadata> {
  const view = await load();
  return { title: `${view.page.name} status`, description: view.status.description };
}

export default async function StatusPage() {
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
    </>
  );
}
