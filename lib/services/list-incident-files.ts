import { listIncidentFileRecords, type IncidentFileRecord } from '@/lib/db/queries/incident-files';
import type { Viewer } from '@/lib/domain/visibility';
import type { ServiceContext } from '@/lib/services/context';

/**
 * An incident's files as one viewer may see them: the console sees every file; a member the
 * files limited to one of their audiences (and only those audiences named); the public none.
 */
export async function listIncidentFiles({ ctx, incidentId, viewer }: { ctx: ServiceContext; incidentId: string; viewer: Viewer }): Promise<IncidentFileRecord[]> {
  if (viewer.kind === 'audiences' && viewer.audienceIds.length === 0) return [];
  const files = await listIncidentFileRecords(ctx.db, { incidentId });
  if (viewer.kind === 'everything') return files;
  const mine = new Set(viewer.audienceIds);
  return files
    .map((f) => ({ ...f, audiences: f.audiences.filter((a) => mine.has(a.id)) }))
    .filter((f) => f.audiences.length > 0);
}

/** What the console's Files section needs: every file, the incident's own audiences, and every audience to choose from. */
export async function listIncidentFilesForConsole({ ctx, incidentId }: { ctx: ServiceContext; incidentId: string }) {
  const [files, incidentAudiences, audiences] = await Promise.all([
    listIncidentFileRecords(ctx.db, { incidentId }),
    ctx.db
      .selectFrom('audience_incidents')
      .innerJoin('audiences', 'audiences.id', 'audience_incidents.audience_id')
      .select(['audiences.id', 'audiences.name'])
      .where('audience_incidents.incident_id', '=', incidentId)
      .orderBy('audience_incidents.position')
      .execute(),
    ctx.db.selectFrom('audiences').select(['id', 'name']).orderBy('name').execute(),
  ]);
  return { files, incidentAudiences, audiences };
}
