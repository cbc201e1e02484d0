import { listIncidentFileRecords, type IncidentFileRecord } from '@/lib/db/queries/incident-files';
import { withTransaction } from '@/lib/db/transaction';
import type { FileDirectory } from '@/lib/db/file-store';
import { configuredFileDirectory, dropUnusedBytes } from '@/lib/services/file-storage';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

/** Deletes a file and its bytes; links already handed out stop working with it. */
export async function deleteIncidentFile({
  ctx,
  fileId,
  directory = configuredFileDirectory(),
}: {
  ctx: ServiceContext;
  fileId: string;
  directory?: FileDirectory | null;
}): Promise<IncidentFileRecord> {
  authorize(ctx, 'incident.update');
  const id = parseInput(Id, fileId);
  return withTransaction(ctx.db, async (trx) => {
    const [before] = await listIncidentFileRecords(trx, { ids: [id] });
    if (!before) throw new NotFoundError('File', id);
    const stored = await trx.selectFrom('incident_files').select(['sha256', 'storage']).where('id', '=', id).executeTakeFirstOrThrow();
    await trx.deleteFrom('incident_files').where('id', '=', id).execute();
    // The bytes go too once no other file has the same ones.
    if (stored.storage === 'directory') await dropUnusedBytes(trx, [stored.sha256], directory);
    await recordAudit(trx, ctx, { action: 'incident_file.delete', entityType: 'incident_file', entityId: id, before });
    return before;
  });
}
