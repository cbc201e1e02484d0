import { createHash } from 'node:crypto';
import { newId } from '@/lib/db/ids';
import { existingIds } from '@/lib/db/queries/audiences';
import { listIncidentFileRecords, setFileAudiences, type IncidentFileRecord } from '@/lib/db/queries/incident-files';
import { withTransaction } from '@/lib/db/transaction';
import { cleanFileName, formatBytes, sniffFile } from '@/lib/domain/file-types';
import { getEnv } from '@/lib/env';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, PayloadTooLargeError, ValidationError, parseInput } from '@/lib/services/errors';
import { AttachIncidentFileInput } from '@/lib/services/incident-file-schemas';
import type { FileDirectory } from '@/lib/db/file-store';
import { configuredFileDirectory } from '@/lib/services/file-storage';

/** The largest file an upload may carry (BEACON_FILE_MAX_BYTES, 20 MB by default). */
export function maxFileBytes(): number {
  return getEnv().BEACON_FILE_MAX_BYTES;
}

/**
 * Attaches a file to an incident for the chosen audiences, or (none chosen) for the incident's
 * own. Refused, with the file named, when it is too big, empty, of a type Beacon does not take,
 * when its bytes do not match its extension, or when nobody but the public would be left to see it.
 */
export async function attachIncidentFile({
  ctx,
  input,
  maxBytes = maxFileBytes(),
  directory = configuredFileDirectory(),
}: {
  ctx: ServiceContext;
  input: AttachIncidentFileInput;
  maxBytes?: number;
  /** Where the bytes go: a directory (BEACON_FILES_DIR), or null for the database. */
  directory?: FileDirectory | null;
}): Promise<IncidentFileRecord> {
  authorize(ctx, 'incident.update');
  const data = parseInput(AttachIncidentFileInput, input);
  const name = cleanFileName(data.name);
  if (!name) throw new ValidationError('file: the file has no name', { file: 'has no name' });
  if (data.bytes.byteLength > maxBytes) {
    const [size, max] = [formatBytes(data.bytes.byteLength), formatBytes(maxBytes)];
    // When rounding makes them read the same, the exact counts say why.
    const message = size === max ? `${name} is ${data.bytes.byteLength.toLocaleString('en')} bytes; files may be at most ${maxBytes.toLocaleString('en')} bytes (${max})` : `${name} is ${size}; files may be at most ${max}`;
    throw new PayloadTooLargeError(`file: ${message}`, { file: message });
  }
  if (data.bytes.byteLength === 0) throw new ValidationError(`file: ${name} is empty`, { file: `${name} is empty` });
  const sniffed = sniffFile(name, data.bytes);
  if (!sniffed.ok) throw new ValidationError(`file: ${sniffed.message}`, { file: sniffed.message });

  const sha256 = createHash('sha256').update(data.bytes).digest('hex');
  // On disk before the row commits, so a committed row always has its bytes (a failed upload may
  // leave bytes no row names; the same file uploaded again reuses them).
  if (directory) await directory.put(sha256, data.bytes);

  return withTransaction(ctx.db, async (trx) => {
    const incident = await trx.selectFrom('incidents').select(['id', 'name']).where('id', '=', data.incidentId).executeTakeFirst();
    if (!incident) throw new NotFoundError('Incident', data.incidentId);
    let audienceIds = data.audienceIds;
    if (audienceIds === undefined) {
      const rows = await trx.selectFrom('audience_incidents').select('audience_id').where('incident_id', '=', incident.id).orderBy('position').execute();
      audienceIds = rows.map((r) => r.audience_id);
    } else {
      const found = await existingIds(trx, 'audiences', audienceIds);
      const missing = audienceIds.filter((id) => !found.has(id));
      if (missing.length > 0) throw new ValidationError(`audienceIds: no audience ${missing.join(', ')}`, { audienceIds: `no audience ${missing.join(', ')}` });
    }
    // Never anonymous: a file of a public incident goes to the audiences the operator picks.
    if (audienceIds.length === 0) {
      const message = `choose the audiences who may download ${name} (this incident is public; files never are)`;
      throw new ValidationError(`audienceIds: ${message}`, { audienceIds: message });
    }
    const id = newId();
    await trx
      .insertInto('incident_files')
      .values({
        id,
        incident_id: incident.id,
        name,
        kind: sniffed.kind,
        content_type: sniffed.contentType,
        size: data.bytes.byteLength,
        sha256,
        content: directory ? Buffer.alloc(0) : Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength),
        storage: directory ? 'directory' : 'database',
        // Demo data and scripts act without an operator.
        uploaded_by: ctx.actor?.name ?? 'Beacon',
        created_at: ctx.now().toISOString(),
      })
      .execute();
    await setFileAudiences(trx, id, audienceIds);
    const [record] = await listIncidentFileRecords(trx, { ids: [id] });
    await recordAudit(trx, ctx, { action: 'incident_file.upload', entityType: 'incident_file', entityId: id, after: record });
    return record!;
  });
}
