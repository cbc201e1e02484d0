import { z } from 'zod';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { fileBytes } from '@/lib/services/file-storage';
import { authorize, type ServiceContext } from '@/lib/services/context';
import type { FileDownload } from '@/lib/services/download-incident-file';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

export const ReadIncidentFileInput = z.object({ incidentId: Id, fileId: Id });
export type ReadIncidentFileInput = z.input<typeof ReadIncidentFileInput>;

/**
 * Hands an incident's file to an operator in the console, whatever its audiences (they chose
 * them). Written to the audit log as a download, as a member's is, so the log shows everyone
 * who took a copy.
 */
export async function readIncidentFile({ ctx, input }: { ctx: ServiceContext; input: ReadIncidentFileInput }): Promise<FileDownload> {
  authorize(ctx, 'incident_file.read');
  const data = parseInput(ReadIncidentFileInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const file = await trx.selectFrom('incident_files').selectAll().where('id', '=', data.fileId).where('incident_id', '=', data.incidentId).executeTakeFirst();
    if (!file) throw new NotFoundError('File', data.fileId);
    await recordAudit(trx, ctx, {
      action: 'incident_file.download',
      entityType: 'incident_file',
      entityId: file.id,
      after: { name: file.name, incidentId: file.incident_id, size: Number(file.size) },
    });
    return { name: file.name, kind: file.kind, contentType: file.content_type, content: await fileBytes(file) };
  });
}
