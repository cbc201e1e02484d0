import type { IncidentRow } from '@/lib/db/schema';
import { listTranslations } from '@/lib/db/queries/translations';
import type { Translations } from '@/lib/domain/localize';
import { listAffected, listUpdateChanges, listUpdates } from '@/lib/db/queries/incidents';
import type { DbOrTx } from '@/lib/db/transaction';
import { SEE_EVERYTHING, type Sight } from '@/lib/domain/visibility';
import type { IncidentDetailView, IncidentView, UpdateView } from '@/lib/services/views';

/**
 * Builds incident views (with their updates) for a batch of rows in three queries. `sight` leaves
 * out the affected components and component changes the reader may not see, and marks what is private.
 */
export async function toIncidentViews(
  db: DbOrTx,
  rows: readonly IncidentRow[],
  now: Date,
  sight: Sight = SEE_EVERYTHING,
): Promise<IncidentDetailView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [updates, affected, names] = await Promise.all([
    listUpdates(db, ids),
    listAffected(db, ids),
    componentNames(db),
  ]);
  const [changes, incidentTranslations, updateTranslations] = await Promise.all([
    listUpdateChanges(db, updates.map((u) => u.id)),
    listTranslations(db, 'incident', ids),
    listTranslations(db, 'incident_update', updates.map((u) => u.id)),
  ]);

  // Grouped once: a year of a group's incidents has hundreds of updates and of changes.
  const changesByUpdate = new Map<string, typeof changes>();
  for (const c of changes) changesByUpdate.set(c.update_id, [...(changesByUpdate.get(c.update_id) ?? []), c]);
  const updatesByIncident = new Map<string, UpdateView[]>();
  for (const u of updates) {
    const view: UpdateView = {
      id: u.id,
      status: u.status,
      body: u.body,
      displayAt: u.display_at,
      editedAt: u.edited_at ?? null,
      changes: (changesByUpdate.get(u.id) ?? [])
        .filter((c) => sight.component(c.component_id))
        .map((c) => ({
          componentId: c.component_id,
          componentName: names.get(c.component_id) ?? 'Removed component',
          oldStatus: c.old_status,
          newStatus: c.new_status,
        })),
      ...withTranslations(updateTranslations.get(u.id)),
    };
    updatesByIncident.set(u.incident_id, [...(updatesByIncident.get(u.incident_id) ?? []), view]);
  }

  return rows.map((row) => {
    const list = updatesByIncident.get(row.id) ?? [];
    const privateTo = sight.privateTo('incident', row.id);
    return {
      ...toSummary(row, now, (affected.get(row.id) ?? []).filter((id) => sight.component(id)), names),
      ...withTranslations(incidentTranslations.get(row.id)),
      ...(privateTo.length > 0 ? { privateTo } : {}),
      latestUpdate: list[0] ?? null,
      updates: list,
      postmortem:
        row.postmortem_body && row.postmortem_published_at && sight.postmortem(row.id)
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

/** `{ translations }` when there are any, else nothing: views of untranslated content stay as they were. */
export function withTranslations(translations: Translations | undefined): { translations?: Translations } {
  return translations && Object.keys(translations).length > 0 ? { translations } : {};
}
