import { listIncidentFileRecords, type IncidentFileRecord } from '@/lib/db/queries/incident-files';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

/** Deletes a file and its bytes; links already handed out stop working with it. */
export async function deleteIncidentFile({ ctx, fileId }: { ctx: ServiceContext; fileId: string }): Promise<IncidentFileRecord> {
  authorize(ctx, 'incident.update');
  const id = parseInput(Id, fileId);
  return withTransaction(ctx.db, async (trx) => {
    const [before] = await listIncidentFileRecords(trx, { ids: [id] });
    if (!before) throw new NotFoundError('File', id);
    await trx.deleteFrom('incident_files').where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'incident_file.delete', entityType: 'incident_file', entityId: id, before });
    return before;
  });
}
