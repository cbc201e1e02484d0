import { getIncident } from '@/lib/db/queries/incidents';
import { deletionVerdict, type DeletionVerdict } from '@/lib/domain/retention';
import type { Impact } from '@/lib/domain/status';
import type { ServiceContext } from '@/lib/services/context';
import { toIncidentViews } from '@/lib/services/incident-views';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import type { IncidentDetailView, PageView } from '@/lib/services/views';
import type { Viewer } from '@/lib/domain/visibility';
import { loadSight } from '@/lib/services/visibility';
import { defaultPostmortemVisibility, type PostmortemVisibility } from '@/lib/domain/postmortem-visibility';

/**
 * One incident or maintenance with its full timeline and whether retention lets it be deleted
 * now; undefined when the id is unknown or names an incident `viewer` may not see (the public
 * unless told: the console passes EVERYTHING, a member's page their audiences).
 */
export async function getIncidentPage({
  ctx,
  id,
  viewer,
}: {
  ctx: ServiceContext;
  id: string;
  viewer?: Viewer;
}): Promise<{ page: PageView; incident: IncidentDetailView; deletion: DeletionVerdict; impactOverride: Impact | null; postmortemVisibility: PostmortemVisibility } | undefined> {
  if (!/^[a-z0-9]{1,64}$/.test(id)) return undefined;
  const now = ctx.now();
  const [settings, row, sight] = await Promise.all([getPageSettings(ctx.db, now), getIncident(ctx.db, id), loadSight(ctx.db, viewer)]);
  if (!row || !sight.incident(row.id)) return undefined;
  const [incident] = await toIncidentViews(ctx.db, [row], now, sight);
  return {
    page: { id: settings.id, name: settings.name, logoUrl: settings.logo_url, timeZone: settings.time_zone },
    incident: incident!,
    deletion: deletionVerdict(row, now),
    impactOverride: row.impact_override,
    // Before the first publication: what the incident's class promises (the console form's default).
    postmortemVisibility: row.postmortem_published_at ? row.postmortem_visibility : defaultPostmortemVisibility(row.incident_class),
  };
}
