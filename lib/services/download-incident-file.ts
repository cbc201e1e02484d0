import { withTransaction } from '@/lib/db/transaction';
import { checkFileLink } from '@/lib/domain/file-links';
import type { FileKind } from '@/lib/domain/file-types';
import { recordAudit } from '@/lib/services/audit';
import { fileBytes } from '@/lib/services/file-storage';
import type { ServiceContext } from '@/lib/services/context';
import { GoneError, NotFoundError, ServiceError, UnauthorizedError, parseInput } from '@/lib/services/errors';
import type { MemberViewer } from '@/lib/services/get-member-viewer';
import { FileLinkInput } from '@/lib/services/incident-file-schemas';
import { fileLinkKey } from '@/lib/services/sign-file-link';

export interface FileDownload {
  name: string;
  kind: FileKind;
  contentType: string;
  content: Buffer;
}

const refused = (message: string) => new ServiceError('forbidden', message, 403);

/**
 * Hands a file to the member a signed link was made for, once more checked against what they
 * may see now: the signature, the expiry, the member signed in on this device, and that one of
 * their audiences still may download it. Every download is written to the audit log.
 */
export async function downloadIncidentFile({
  ctx,
  link,
  viewer,
  key = fileLinkKey(),
}: {
  ctx: ServiceContext;
  link: FileLinkInput;
  viewer: MemberViewer | undefined;
  key?: Uint8Array;
}): Promise<FileDownload> {
  const data = parseInput(FileLinkInput, link);
  const check = checkFileLink(data, data.signature, ctx.now(), key);
  if (check === 'invalid') throw refused('This download link is not valid');
  if (check === 'expired') throw new GoneError('This download link has expired; open the incident page again for a new one', 'link_expired');
  if (!viewer) throw new UnauthorizedError('Sign in to the status page to download this file');
  if (viewer.memberId !== data.memberId) throw refused('This download link was made for another member');
  return withTransaction(ctx.db, async (trx) => {
    const file = await trx.selectFrom('incident_files').selectAll().where('id', '=', data.fileId).executeTakeFirst();
    if (!file) throw new NotFoundError('File', data.fileId);
    // Read again here: a member removed from the audience since the page was rendered gets nothing.
    const allowed = await trx
      .selectFrom('incident_file_audiences')
      .innerJoin('audience_members', 'audience_members.audience_id', 'incident_file_audiences.audience_id')
      .select('incident_file_audiences.audience_id')
      .where('incident_file_audiences.file_id', '=', file.id)
      .where('audience_members.member_id', '=', viewer.memberId)
      .executeTakeFirst();
    if (!allowed) throw refused('Your audience may not download this file');
    await recordAudit(
      trx,
      { ...ctx, actor: { type: 'member', id: viewer.memberId, name: viewer.email } },
      { action: 'incident_file.download', entityType: 'incident_file', entityId: file.id, after: { name: file.name, incidentId: file.incident_id, size: Number(file.size), audienceId: allowed.audience_id } },
    );
    return { name: file.name, kind: file.kind, contentType: file.content_type, content: await fileBytes(file) };
  });
}
