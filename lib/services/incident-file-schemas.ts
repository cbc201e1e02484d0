import { z } from 'zod';
import { Id } from '@/lib/services/schemas';

/** The audiences a file is limited to: each once, at most 100. */
export const FileAudienceIds = z
  .array(Id)
  .max(100, 'may list at most 100 audiences')
  .transform((ids) => [...new Set(ids)]);

/** An upload: the incident, the file as sent, and optionally the audiences (default: the incident's). */
export const AttachIncidentFileInput = z.object({
  incidentId: Id,
  name: z.string().max(1000, 'must be at most 1,000 characters'),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'is required' }),
  audienceIds: FileAudienceIds.optional(),
});
export type AttachIncidentFileInput = z.input<typeof AttachIncidentFileInput>;

/** A download link as presented: the file, the member it was made for, its expiry and signature. */
export const FileLinkInput = z.object({
  fileId: Id,
  memberId: Id,
  expires: z.coerce.number().int().min(0).max(2 ** 40),
  signature: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'is not a signature'),
});
export type FileLinkInput = z.input<typeof FileLinkInput>;
