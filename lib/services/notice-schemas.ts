import { z } from 'zod';
import { Id, Markdown } from '@/lib/services/schemas';
import { SupportLevelInput } from '@/lib/services/audience-schemas';
import { ValidationError } from '@/lib/services/errors';

/** What the operator sees each input as, for messages that name the field they can find. */
export const NOTICE_FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  body: 'Message',
  audienceIds: 'Audiences',
  minLevel: 'Support level',
  id: 'Notice',
};

/**
 * A notice: a title, a message, and either audiences by name or a support level (and up).
 * Exactly one of the two says whom it is for.
 */
export const SendNoticeInput = z
  .object({
    title: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    body: Markdown.pipe(z.string().trim().min(1, 'is required')),
    audienceIds: z
      .array(Id)
      .max(100, 'must list at most 100 audiences')
      .refine((ids) => new Set(ids).size === ids.length, 'lists an audience twice')
      .optional(),
    minLevel: SupportLevelInput.nullish(),
  })
  .superRefine((v, ctx) => {
    const byName = (v.audienceIds?.length ?? 0) > 0;
    if (byName && v.minLevel) ctx.addIssue({ code: 'custom', path: ['audienceIds'], message: 'must be left empty when a support level is chosen' });
    if (!byName && !v.minLevel) ctx.addIssue({ code: 'custom', path: ['audienceIds'], message: 'must include at least one audience, or choose a support level' });
  });
export type SendNoticeInput = z.input<typeof SendNoticeInput>;

export const NoticeIdInput = z.object({ id: Id });

/** Parses notice input; a refusal names each field by its label ("Title: is required"), keyed by input name. */
export function parseNoticeInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join('.') || 'id'] ??= issue.message;
  const message = Object.entries(fields)
    .map(([key, msg]) => `${NOTICE_FIELD_LABELS[key.split('.')[0]!] ?? key}: ${msg}`)
    .join('; ');
  throw new ValidationError(message, fields);
}
