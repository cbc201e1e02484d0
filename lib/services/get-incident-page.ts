import { getIncident } from '@/lib/db/queries/incidents';
import { deletionVerdict, type DeletionVerdict } from '@/lib/domain/retention';
import type { ServiceContext } from '@/lib/services/context';
import { toIncidentViews } from '@/lib/services/incident-views';
import { getPageSettings } from '@/lib/services/page-settings';
import type { IncidentDetailView, PageView } from '@/lib/services/views';

/**
 * One incident or maintenance with its full timeline and whether retention lets it be deleted
 * now; undefined when the id is unknown.
 */
export async function getIncidentPage({
  ctx,
  id,
}: {
  ctx: ServiceContext;
  id: string;
}): Promise<{ page: PageView; incident: IncidentDetailView; deletion: DeletionVerdict } | undefined> {
  if (!/^[a-z0-9]{1,64}$/.test(id)) return undefined;
  const now = ctx.now();
  const [settings, row] = await Promise.all([getPageSettings(ctx.db, now), getIncident(ctx.db, id)]);
  if (!row) return undefined;
  const [incident] = await toIncidentViews(ctx.db, [row], now);
  return {
    page: { id: settings.id, name: settings.name, logoUrl: settings.logo_url, timeZone: settings.time_zone },
    incident: incident!,
    deletion: deletionVerdict(row, now),
  };
}
