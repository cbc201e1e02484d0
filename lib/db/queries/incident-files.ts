import type { DbOrTx } from '@/lib/db/transaction';
import type { FileKind } from '@/lib/domain/file-types';

/** A file without its bytes, with the audiences that may download it (in the order chosen). */
export interface IncidentFileRecord {
  id: string;
  incidentId: string;
  name: string;
  kind: FileKind;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
  audiences: { id: string; name: string }[];
}

/** The files of one incident (or the given ids), oldest first, bytes left in the database. */
export async function listIncidentFileRecords(db: DbOrTx, where: { incidentId?: string; ids?: readonly string[] }): Promise<IncidentFileRecord[]> {
  let query = db
    .selectFrom('incident_files')
    .select(['id', 'incident_id', 'name', 'kind', 'content_type', 'size', 'sha256', 'uploaded_by', 'created_at'])
    .orderBy('created_at')
    .orderBy('id');
  if (where.incidentId !== undefined) query = query.where('incident_id', '=', where.incidentId);
  if (where.ids !== undefined) {
    if (where.ids.length === 0) return [];
    query = query.where('id', 'in', [...where.ids]);
  }
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('incident_file_audiences')
    .innerJoin('audiences', 'audiences.id', 'incident_file_audiences.audience_id')
    .select(['incident_file_audiences.file_id', 'audiences.id', 'audiences.name'])
    .where('incident_file_audiences.file_id', 'in', rows.map((r) => r.id))
    .orderBy('incident_file_audiences.position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    incidentId: r.incident_id,
    name: r.name,
    kind: r.kind,
    contentType: r.content_type,
    size: Number(r.size),
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    createdAt: new Date(r.created_at).toISOString(),
    audiences: links.filter((l) => l.file_id === r.id).map((l) => ({ id: l.id, name: l.name })),
  }));
}

/** Replaces the audiences that may download a file. */
export async function setFileAudiences(db: DbOrTx, fileId: string, audienceIds: readonly string[]): Promise<void> {
  await db.deleteFrom('incident_file_audiences').where('file_id', '=', fileId).execute();
  if (audienceIds.length === 0) return;
  await db
    .insertInto('incident_file_audiences')
    .values(audienceIds.map((audience_id, position) => ({ file_id: fileId, audience_id, position })))
    .execute();
}
