import { readVisibilityIndex } from '@/lib/db/queries/visibility';
import { existingIds } from '@/lib/db/queries/audiences';
import { defaultIncidentAudiences } from '@/lib/domain/visibility';
import type { DbOrTx } from '@/lib/db/transaction';
import { ValidationError } from '@/lib/services/errors';

/**
 * Stores who may see a new incident, inside its transaction and before its alert is queued (so a
 * private incident never reaches the public outbox). `chosen` undefined applies the default rule.
 */
export async function limitNewIncident(db: DbOrTx, incidentId: string, componentIds: readonly string[], chosen: readonly string[] | undefined): Promise<string[]> {
  let audienceIds: string[];
  if (chosen === undefined) audienceIds = defaultIncidentAudiences(await readVisibilityIndex(db), componentIds);
  else {
    const found = await existingIds(db, 'audiences', chosen);
    const missing = chosen.filter((id) => !found.has(id));
    if (missing.length > 0) throw new ValidationError(`audienceIds: no audience ${missing.join(', ')}`, { audienceIds: `no audience ${missing.join(', ')}` });
    audienceIds = [...new Set(chosen)];
  }
  // replaceLinks is per audience; an incident's rows are written here directly.
  await db.deleteFrom('audience_incidents').where('incident_id', '=', incidentId).execute();
  if (audienceIds.length > 0) {
    await db.insertInto('audience_incidents').values(audienceIds.map((audience_id, position) => ({ audience_id, incident_id: incidentId, position }))).execute();
  }
  return audienceIds;
}
