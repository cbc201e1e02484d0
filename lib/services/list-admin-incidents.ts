import { isPostmortemDue } from '@/lib/domain/postmortem-due';
import type { IncidentKind } from '@/lib/domain/status';
import type { ServiceContext } from '@/lib/services/context';
import { toIncidentViews } from '@/lib/services/incident-views';
import type { IncidentView } from '@/lib/services/views';

export interface AdminIncidentItem extends IncidentView {
  postmortemDue: boolean;
}

/** Incidents or maintenance for the console: open ones first, then the most recent others. */
export async function listAdminIncidents({
  ctx,
  kind,
  limit = 50,
}: {
  ctx: ServiceContext;
  kind: IncidentKind;
  limit?: number;
}): Promise<{ open: AdminIncidentItem[]; closed: AdminIncidentItem[] }> {
  const finished = kind === 'incident' ? ['resolved', 'postmortem'] : ['completed', 'cancelled'];
  const rows = await ctx.db
    .selectFrom('incidents')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('started_at', 'desc')
    .limit(500)
    .execute();
  const open = rows.filter((r) => !finished.includes(r.status));
  const closed = rows.filter((r) => finished.includes(r.status)).slice(0, limit);
  const views = new Map((await toIncidentViews(ctx.db, [...open, ...closed], ctx.now())).map((v) => [v.id, v]));
  const item = (row: (typeof rows)[number]): AdminIncidentItem => ({
    ...views.get(row.id)!,
    postmortemDue: isPostmortemDue({
      status: row.status,
      impact: row.impact,
      incidentClass: row.incident_class,
      postmortemPublishedAt: row.postmortem_published_at,
    }),
  });
  return { open: open.map(item), closed: closed.map(item) };
}
