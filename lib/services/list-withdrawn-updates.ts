import { authorize, type ServiceContext } from '@/lib/services/context';
import type { IncidentStatus, MaintenanceStatus } from '@/lib/domain/status';

export interface WithdrawnUpdate {
  id: string;
  status: IncidentStatus | MaintenanceStatus;
  body: string;
  displayAt: string;
  withdrawnAt: string;
}

/**
 * The updates of an incident that were withdrawn as posted by mistake, newest first: gone from
 * every public view, but the console shows what was taken back and when (the audit log says who).
 */
export async function listWithdrawnUpdates({ ctx, incidentId }: { ctx: ServiceContext; incidentId: string }): Promise<WithdrawnUpdate[]> {
  authorize(ctx, 'incident.update');
  const rows = await ctx.db
    .selectFrom('incident_updates')
    .select(['id', 'status', 'body', 'display_at', 'withdrawn_at'])
    .where('incident_id', '=', incidentId)
    .where('withdrawn_at', 'is not', null)
    .orderBy('withdrawn_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, status: r.status, body: r.body, displayAt: r.display_at, withdrawnAt: r.withdrawn_at! }));
}
