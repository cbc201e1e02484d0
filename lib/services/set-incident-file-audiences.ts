import { existingIds } from '@/lib/db/queries/audiences';
import { listIncidentFileRecords, setFileAudiences, type IncidentFileRecord } from '@/lib/db/queries/incident-files';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { FileAudienceIds } from '@/lib/services/incident-file-schemas';
import { Id } from '@/lib/services/schemas';

/** Changes who may download a file; at least one audience (a file is never public). */
export async function setIncidentFileAudiences({ ctx, fileId, audienceIds }: { ctx: ServiceContext; fileId: string; audienceIds: readonly string[] }): Promise<IncidentFileRecord> {
  authorize(ctx, 'incident.update');
  const id = parseInput(Id, fileId);
  const ids = parseInput(FileAudienceIds, audienceIds);
  return withTransaction(ctx.db, async (trx) => {
    const [before] = await listIncidentFileRecords(trx, { ids: [id] });
    if (!before) throw new NotFoundError('File', id);
    if (ids.length === 0) throw new ValidationError(`audienceIds: choose at least one audience for ${before.name}`, { audienceIds: `choose at least one audience for ${before.name}` });
    const found = await existingIds(trx, 'audiences', ids);
    const missing = ids.filter((a) => !found.has(a));
    if (missing.length > 0) throw new ValidationError(`audienceIds: no audience ${missing.join(', ')}`, { audienceIds: `no audience ${missing.join(', ')}` });
    await setFileAudiences(trx, id, ids);
    const [after] = await listIncidentFileRecords(trx, { ids: [id] });
    await recordAudit(trx, ctx, { action: 'incident_file.visibility', entityType: 'incident_file', entityId: id, before: before.audiences, after: after!.audiences });
    return after!;
  });
}
