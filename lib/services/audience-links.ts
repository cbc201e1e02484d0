import { existingIds, replaceLinks } from '@/lib/db/queries/audiences';
import type { DbOrTx } from '@/lib/db/transaction';
import { ValidationError } from '@/lib/services/errors';

const TABLES = {
  componentIds: ['components', 'audience_components', 'component'],
  groupIds: ['component_groups', 'audience_groups', 'group'],
  metricIds: ['system_metrics', 'audience_metrics', 'metric'],
  memberIds: ['members', 'audience_members', 'member'],
} as const;

export type AudienceListField = keyof typeof TABLES;

/** Refuses ids that name nothing, by field, before anything is written. */
export async function checkIds(db: DbOrTx, field: AudienceListField, ids: readonly string[]): Promise<void> {
  const [table, , what] = TABLES[field];
  const found = await existingIds(db, table, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new ValidationError(`${field}: no ${what} ${missing.join(', ')}`, { [field]: `no ${what} ${missing.join(', ')}` });
}

/** Checks and stores the lists given (a list left out stays as it is). */
export async function writeAudienceLists(
  db: DbOrTx,
  audienceId: string,
  lists: Partial<Record<AudienceListField, readonly string[]>>,
  emailDomains?: readonly string[],
): Promise<void> {
  for (const field of Object.keys(TABLES) as AudienceListField[]) {
    const ids = lists[field];
    if (ids) await checkIds(db, field, ids);
  }
  for (const field of Object.keys(TABLES) as AudienceListField[]) {
    const ids = lists[field];
    if (ids) await replaceLinks(db, TABLES[field][1], audienceId, ids);
  }
  if (emailDomains) {
    await db.deleteFrom('audience_email_domains').where('audience_id', '=', audienceId).execute();
    if (emailDomains.length > 0) {
      await db.insertInto('audience_email_domains').values(emailDomains.map((domain) => ({ audience_id: audienceId, domain }))).execute();
    }
  }
}
