import type { IncidentRow } from '@/lib/db/schema';
import { listAffected, listUpdateChanges, listUpdates } from '@/lib/db/queries/incidents';
import type { DbOrTx } from '@/lib/db/transaction';
import type { IncidentDetailView, IncidentView, UpdateView } from '@/lib/services/views';

/** Builds incident views (with their updates) for a batch of rows in three queries. */
export async function toIncidentViews(
  db: DbOrTx,
  rows: readonly IncidentRow[],
  now: Date,
): Promise<IncidentDetailView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [updates, affected, names] = await Promise.all([
    listUpdates(db, ids),
    listAffected(db, ids),
    componentNames(db),
  ]);
  const changes = await listUpdateChanges(db, updates.map((u) => u.id));

  const updatesByIncident = new Map<string, UpdateView[]>();
  for (const u of updates) {
    const view: UpdateView = {
      id: u.id,
      status: u.status,
      body: u.body,
      displayAt: u.display_at,
      changes: changes
        .filter((c) => c.update_id === u.id)
        .map((c) => ({
          componentId: c.component_id,
          componentName: names.get(c.component_id) ?? 'Removed component',
          oldStatus: c.old_status,
          newStatus: c.new_status,
        })),
    };
    updatesByIncident.set(u.incident_id, [...(updatesByIncident.get(u.incident_id) ?? []), view]);
  }

  return rows.map((row) => {
    const list = updatesByIncident.get(row.id) ?? [];
    return {
      ...toSummary(row, now, affected.get(row.id) ?? [], names),
      latestUpdate: list[0] ?? null,
      updates: list,
      postmortem:
        row.postmortem_body && row.postmortem_published_at
          ? { body: row.postmortem_body, publishedAt: row.postmortem_published_at }
          : null,
    };
  });
}

function toSummary(
  row: IncidentRow,
  now: Date,
  componentIds: string[],
  names: Map<string, string>,
): Omit<IncidentView, 'latestUpdate'> {
  const end = row.resolved_at ? Date.parse(row.resolved_at) : now.getTime();
  const start = Date.parse(row.started_at);
  const started = row.kind === 'incident' || row.status !== 'scheduled';
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    status: row.status,
    impact: row.impact,
    startedAt: row.started_at,
    resolvedAt: row.resolved_at,
    scheduledFor: row.scheduled_for,
    scheduledUntil: row.scheduled_until,
    durationMs: started && row.status !== 'cancelled' ? Math.max(0, end - start) : null,
    components: componentIds
      .map((id) => ({ id, name: names.get(id) ?? 'Removed component' }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

async function componentNames(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db.selectFrom('components').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
