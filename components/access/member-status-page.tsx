import type { MemberViewer } from '@/lib/services/get-member-viewer';
import { configuredUptimeRule } from '@/lib/services/uptime-history';
import { requestContext } from '@/lib/services/context';
import { getStatusPage } from '@/lib/services/get-status-page';
import { overviewDocument } from '@/lib/snapshot/page-documents';
import { listMemberNotices } from '@/lib/services/list-member-notices';
import { MemberBar } from '@/components/access/member-bar';
import { MemberNotices } from '@/components/access/member-notices';
import { LiveOverview } from '@/components/live/live-overview';
import { PageHeader } from '@/components/status/page-header';
import { UptimeBars } from '@/components/status/uptime-bars';

/**
 * `/` for a signed-in member, rendered per request (never a snapshot): the public page plus their
 * audiences' private components and incidents and their open early notices, marked, with the
 * overall status over all of them.
 * It does not follow the public live document (that would drop the private rows); a reload does.
 */
export async function MemberStatusPage({ viewer }: { viewer: MemberViewer }) {
  const ctx = await requestContext();
  const audienceIds = viewer.audiences.map((a) => a.id);
  const [view, notices] = await Promise.all([
    getStatusPage({ ctx, partialWeight: configuredUptimeRule(), viewer: { kind: 'audiences', audienceIds } }),
    listMemberNotices(ctx.db, audienceIds),
  ]);
  const bars = Object.fromEntries(
    [...view.groups.flatMap((g) => g.components), ...view.ungrouped].map((c) => [
      c.id,
      c.uptime && <UptimeBars componentId={c.id} componentName={c.name} days={c.uptime.days} percent={c.uptime.percent} />,
    ]),
  );
  return (
    <>
      <MemberBar viewer={viewer} />
      <PageHeader page={view.page} />
      <MemberNotices notices={notices} timeZone={view.page.timeZone} />
      <LiveOverview initial={overviewDocument(view)} bars={bars} docKey={null} />
    </>
  );
}
