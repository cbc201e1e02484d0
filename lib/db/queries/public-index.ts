import type { DbOrTx } from '@/lib/db/transaction';

/** When each incident and maintenance started (by id), and when the oldest one did (null when there is none). */
export async function listIncidentStarts(
  db: DbOrTx,
  keep: (id: string) => boolean = () => true,
): Promise<{ starts: Map<string, string>; oldest: string | null }> {
  const rows = await db.selectFrom('incidents').select(['id', 'started_at']).execute();
  let oldest: string | null = null;
  let oldestMs = Infinity;
  const starts = new Map<string, string>();
  for (const r of rows) {
    if (!keep(r.id)) continue;
    starts.set(r.id, r.started_at);
    const t = Date.parse(r.started_at);
    if (t < oldestMs) [oldest, oldestMs] = [r.started_at, t];
  }
  return { starts, oldest };
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
