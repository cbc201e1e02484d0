import type { IncidentInput, UpdateInput } from '@/lib/domain/statuspage/types';

type IncidentFacts = Omit<IncidentInput, 'componentIds' | 'updates'>;
type UpdateFacts = Omit<UpdateInput, 'changes'> & { incident_id: string };
type ChangeFacts = UpdateInput['changes'][number] & { update_id: string };

/** Incidents with their updates, each update's component changes and the affected ids, as the mappers take them. */
export function assembleIncidents(
  incidents: readonly IncidentFacts[],
  updates: readonly UpdateFacts[],
  changes: readonly ChangeFacts[],
  affected: ReadonlyMap<string, readonly string[]>,
): IncidentInput[] {
  const changesByUpdate = groupBy(changes, (c) => c.update_id);
  const updatesByIncident = groupBy(updates, (u) => u.incident_id);
  return incidents.map((row) => ({
    ...row,
    componentIds: affected.get(row.id) ?? [],
    updates: (updatesByIncident.get(row.id) ?? []).map((u) => ({ ...u, changes: changesByUpdate.get(u.id) ?? [] })),
  }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
