import path from 'node:path';
import { FileDirectory } from '@/lib/db/file-store';
import { afterCommit, type DbOrTx } from '@/lib/db/transaction';
import { getEnv } from '@/lib/env';

/** The directory incident files are kept in (BEACON_FILES_DIR), or null: in the database. */
export function configuredFileDirectory(): FileDirectory | null {
  const dir = getEnv().BEACON_FILES_DIR;
  return dir ? new FileDirectory(path.resolve(dir)) : null;
}

/** An incident file's bytes, from the database or the directory its row names. */
export async function fileBytes(
  file: { storage: 'database' | 'directory'; content: Uint8Array; sha256: string },
  directory: FileDirectory | null = configuredFileDirectory(),
): Promise<Buffer> {
  if (file.storage === 'database') return Buffer.from(file.content);
  if (!directory) throw new Error(`file ${file.sha256} is kept in a directory, but BEACON_FILES_DIR is not set`);
  return directory.get(file.sha256);
}

/**
 * After rows of files kept in a directory were deleted in `trx`: once it commits, removes the
 * bytes no remaining file has (the same bytes may belong to several files).
 */
export async function dropUnusedBytes(trx: DbOrTx, sha256s: readonly string[], directory: FileDirectory | null = configuredFileDirectory()): Promise<void> {
  if (!directory || sha256s.length === 0) return;
  const used = new Set((await trx.selectFrom('incident_files').select('sha256').where('sha256', 'in', [...sha256s]).where('storage', '=', 'directory').execute()).map((r) => r.sha256));
  const unused = [...new Set(sha256s)].filter((sha) => !used.has(sha));
  if (unused.length === 0) return;
  afterCommit(trx, () => {
    for (const sha of unused) void directory.remove(sha).catch((error: unknown) => console.error('[beacon] could not remove a deleted file', error));
  });
}
