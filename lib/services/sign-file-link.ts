import { createHmac } from 'node:crypto';
import { fileLinkPath, signFileLink } from '@/lib/domain/file-links';
import { linkSecret } from '@/lib/notify/link-secret';
import type { ServiceContext } from '@/lib/services/context';

/** The key download links are signed with: derived from the server secret (BEACON_SECRET or its key file). */
export function fileLinkKey(): Buffer {
  return createHmac('sha256', linkSecret()).update('incident-file-links:v1').digest();
}

/** Signed, expiring download paths for one member, by file id (for their incident page). */
export function signFileLinks({ ctx, memberId, fileIds, key = fileLinkKey() }: { ctx: Pick<ServiceContext, 'now'>; memberId: string; fileIds: readonly string[]; key?: Uint8Array }): Map<string, string> {
  const now = ctx.now();
  return new Map(fileIds.map((id) => [id, fileLinkPath(signFileLink(id, memberId, now, key))]));
}
