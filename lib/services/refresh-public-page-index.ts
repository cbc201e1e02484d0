import { listAffected } from '@/lib/db/queries/incidents';
import { historyPageCount } from '@/lib/domain/history-pages';
import type { ServiceContext } from '@/lib/services/context';
import { MONTHS_PER_PAGE } from '@/lib/services/get-history-page';
import { getPublicPageIndex, type PublicPageIndex } from '@/lib/services/get-public-page-index';
import { loadSight } from '@/lib/services/visibility';

/**
 * The page index after a change to some incidents: `previous` with those incidents read again
 * (a few rows instead of every incident). When one of them was the oldest (overall or of a
 * component), the oldest may now be any other, so the whole index is read instead.
 */
export async function refreshPublicPageIndex({
  ctx,
  previous,
  incidentIds,
}: {
  ctx: ServiceContext;
  previous: PublicPageIndex;
  incidentIds: readonly string[];
}): Promise<PublicPageIndex> {
  const oldestOnes = new Set([previous.oldest, ...previous.oldestByComponent.values()]);
  if (incidentIds.some((id) => oldestOnes.has(previous.incidentStarts.get(id) ?? null))) return getPublicPageIndex({ ctx });
  const ids = [...incidentIds];
  const sight = await loadSight(ctx.db);
  const [allRows, affected] = await Promise.all([
    ids.length === 0 ? [] : ctx.db.selectFrom('incidents').select(['id', 'started_at']).where('id', 'in', ids).execute(),
    listAffected(ctx.db, ids),
  ]);
  // A private incident leaves the index like a deleted one.
  const rows = allRows.filter((r) => sight.incident(r.id));
  const incidentStarts = new Map(previous.incidentStarts);
  for (const id of ids) incidentStarts.delete(id);
  let oldest = previous.oldest;
  const oldestByComponent = new Map(previous.oldestByComponent);
  const older = (a: string, b: string | null | undefined) => b === null || b === undefined || Date.parse(a) < Date.parse(b);
  for (const row of rows) {
    incidentStarts.set(row.id, row.started_at);
    if (older(row.started_at, oldest)) oldest = row.started_at;
    for (const componentId of affected.get(row.id) ?? []) {
      if (older(row.started_at, oldestByComponent.get(componentId))) oldestByComponent.set(componentId, row.started_at);
    }
  }
  const now = ctx.now();
  const pages = (at: string | null) => historyPageCount(now, previous.timeZone, at, MONTHS_PER_PAGE);
  return {
    incidentStarts,
    timeZone: previous.timeZone,
    historyPages: pages(oldest),
    historyPagesByComponent: new Map([...previous.historyPagesByComponent.keys()].map((id) => [id, pages(oldestByComponent.get(id) ?? null)])),
    oldest,
    oldestByComponent,
    groupIds: previous.groupIds,
  };
}
