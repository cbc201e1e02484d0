import type { Selectable } from 'kysely';
import type { FileKind } from '@/lib/domain/file-types';

/** Timestamps cross lib/db as ISO 8601 strings in UTC on both dialects. */
type Timestamp = string;

/** Migration 021: a file attached to an incident; `content` is the bytes themselves. */
export interface IncidentFilesTable {
  id: string;
  incident_id: string;
  /** The uploaded file's name, cleaned of paths and control characters. */
  name: string;
  kind: FileKind;
  content_type: string;
  size: number;
  sha256: string;
  /** The bytes, or empty when `storage` is `directory` (then under BEACON_FILES_DIR by `sha256`). */
  content: Uint8Array;
  /** Migration 026: where the bytes are. */
  storage: 'database' | 'directory';
  /** Who uploaded it, as the audit log names them. */
  uploaded_by: string;
  created_at: Timestamp;
}

/** Which audiences' members may download a file; none means nobody outside the console. */
export interface IncidentFileAudiencesTable {
  file_id: string;
  audience_id: string;
  position: number;
}

/** The tables of migration 021, merged into `Database`. */
export interface IncidentFileTables {
  incident_files: IncidentFilesTable;
  incident_file_audiences: IncidentFileAudiencesTable;
}

export type IncidentFileRow = Selectable<IncidentFilesTable>;
