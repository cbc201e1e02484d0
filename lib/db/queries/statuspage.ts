import type { IncidentKind } from '@/lib/domain/status';
import type { IncidentRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';

/** The `limit` most recent incidents or maintenance by start, newest first. */
export async function listRecent(db: DbOrTx, kind: IncidentKind, limit: number): Promise<IncidentRow[]> {
  return db
    .selectFrom('incidents')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('started_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}
