import type { IncidentKind } from '@/lib/domain/status';
import type { IncidentRow, IncidentUpdateComponentRow, IncidentUpdateRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';

export async function getIncident(db: DbOrTx, id: string): Promise<IncidentRow | undefined> {
  return db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Updates of the given incidents, newest first; withdrawn ones are left out everywhere. */
export async function listUpdates(db: DbOrTx, incidentIds: readonly string[]): Promise<IncidentUpdateRow[]> {
  if (incidentIds.length === 0) return [];
  return db
    .selectFrom('incident_updates')
    .selectAll()
    .where('incident_id', 'in', incidentIds)
    .where('withdrawn_at', 'is', null)
    .orderBy('display_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** Component changes recorded by the given updates. */
export async function listUpdateChanges(
  db: DbOrTx,
  updateIds: readonly string[],
): Promise<IncidentUpdateComponentRow[]> {
  if (updateIds.length === 0) return [];
  return db.selectFrom('incident_update_components').selectAll().where('update_id', 'in', updateIds).execute();
}

/** Affected component ids per incident. */
export async function listAffected(db: DbOrTx, incidentIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (incidentIds.length === 0) return map;
  const rows = await db
    .selectFrom('incident_components')
    .select(['incident_id', 'component_id'])
    .where('incident_id', 'in', incidentIds)
    .execute();
  for (const row of rows) map.set(row.incident_id, [...(map.get(row.incident_id) ?? []), row.component_id]);
  return map;
}

/** Incidents or maintenance in the given statuses. */
export async function listByStatus(
  db: DbOrTx,
  kind: IncidentKind,
  statuses: readonly string[],
): Promise<IncidentRow[]> {
  return db
    .selectFrom('incidents')
    .selectAll()
    .where('kind', '=', kind)
    .where('status', 'in', statuses as IncidentRow['status'][])
    .orderBy('started_at', 'desc')
    .execute();
}

/**
 * Incidents and maintenance whose time span overlaps [from, to), newest first; with
 * `componentIds`, only those that affect one of them.
 * A maintenance's span is its window; an incident's runs from start to resolution (or now).
 */
export async function listOverlapping(
  db: DbOrTx,
  from: string,
  to: string,
  opts: { kind?: IncidentKind; componentId?: string; componentIds?: readonly string[] } = {},
): Promise<IncidentRow[]> {
  if (opts.componentIds && opts.componentIds.length === 0) return [];
  let query = db
    .selectFrom('incidents')
    .selectAll('incidents')
    .where('incidents.started_at', '<', to)
    .where((eb) => eb.or([eb('incidents.resolved_at', 'is', null), eb('incidents.resolved_at', '>=', from)]))
    .where('incidents.status', '!=', 'cancelled');
  if (opts.kind) query = query.where('incidents.kind', '=', opts.kind);
  if (opts.componentId) {
    const componentId = opts.componentId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incident_components')
          .select('incident_components.component_id')
          .whereRef('incident_components.incident_id', '=', 'incidents.id')
          .where('incident_components.component_id', '=', componentId),
      ),
    );
  }
  if (opts.componentIds) {
    // Found from the components' side (their index): a year of a whole page's incidents is not read.
    const componentIds = opts.componentIds;
    query = query.where('incidents.id', 'in', (eb) =>
      eb.selectFrom('incident_components').select('incident_components.incident_id').where('incident_components.component_id', 'in', componentIds),
    );
  }
  return query.orderBy('incidents.started_at', 'desc').execute();
}

/** Incidents and maintenance that started within [from, to) (from open when null), newest first. */
export async function listStartedBetween(
  db: DbOrTx,
  from: string | null,
  to: string,
  opts: { componentId?: string; limit?: number } = {},
): Promise<IncidentRow[]> {
  let query = db.selectFrom('incidents').selectAll('incidents').where('incidents.started_at', '<', to);
  if (from) query = query.where('incidents.started_at', '>=', from);
  if (opts.componentId) {
    const componentId = opts.componentId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incident_components')
          .select('incident_components.component_id')
          .whereRef('incident_components.incident_id', '=', 'incidents.id')
          .where('incident_components.component_id', '=', componentId),
      ),
    );
  }
  if (opts.limit) query = query.limit(opts.limit);
  return query.orderBy('incidents.started_at', 'desc').execute();
}
