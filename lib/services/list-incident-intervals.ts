import { listIntervals } from '@/lib/db/queries/components';
import type { ComponentStatus } from '@/lib/domain/status';
import type { ServiceContext } from '@/lib/services/context';

export interface IncidentIntervals {
  componentId: string;
  componentName: string;
  intervals: { id: number; status: ComponentStatus; startedAt: string; endedAt: string | null }[];
}

const DAY = 86_400_000;

/**
 * The status history of an incident's affected components around the incident (a day either
 * side), for correcting when each really went down and came back.
 */
export async function listIncidentIntervals({ ctx, incidentId }: { ctx: ServiceContext; incidentId: string }): Promise<IncidentIntervals[]> {
  const incident = await ctx.db.selectFrom('incidents').select(['started_at', 'resolved_at']).where('id', '=', incidentId).executeTakeFirst();
  if (!incident) return [];
  const components = await ctx.db
    .selectFrom('incident_components')
    .innerJoin('components', 'components.id', 'incident_components.component_id')
    .select(['components.id', 'components.name'])
    .where('incident_components.incident_id', '=', incidentId)
    .orderBy('components.name')
    .execute();
  const from = new Date(Date.parse(incident.started_at) - DAY).toISOString();
  const to = new Date((incident.resolved_at ? Date.parse(incident.resolved_at) : ctx.now().getTime()) + DAY).toISOString();
  const rows = await listIntervals(ctx.db, components.map((c) => c.id), from, to);
  return components.map((c) => ({
    componentId: c.id,
    componentName: c.name,
    intervals: rows
      .filter((r) => r.component_id === c.id)
      .map((r) => ({ id: Number(r.id), status: r.status, startedAt: r.started_at, endedAt: r.ended_at })),
  }));
}
