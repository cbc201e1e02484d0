import type { DbOrTx } from '@/lib/db/transaction';

/** Every incident and maintenance id, and when the oldest one started (null when there is none). */
export async function listIncidentIds(db: DbOrTx): Promise<{ ids: string[]; oldest: string | null }> {
  const rows = await db.selectFrom('incidents').select(['id', 'started_at']).execute();
  let oldest: string | null = null;
  for (const r of rows) if (oldest === null || Date.parse(r.started_at) < Date.parse(oldest)) oldest = r.started_at;
  return { ids: rows.map((r) => r.id), oldest };
}

/** For each component with incidents, when its oldest incident started. */
export async function oldestIncidentByComponent(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('incident_components')
    .innerJoin('incidents', 'incidents.id', 'incident_components.incident_id')
    .select(['incident_components.component_id as componentId', (eb) => eb.fn.min('incidents.started_at').as('oldest')])
    .groupBy('incident_components.component_id')
    .execute();
  return new Map(rows.map((r) => [r.componentId, String(r.oldest)]));
}
