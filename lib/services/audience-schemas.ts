import { z } from 'zod';
import { SUPPORT_LEVELS } from '@/lib/domain/support-levels';
import { Id, Name } from '@/lib/services/schemas';

/** A list of ids, each once (Statuspage clients send them as ordered lists). */
export const IdList = z
  .array(Id)
  .max(1000)
  .refine((ids) => new Set(ids).size === ids.length, 'lists an id twice');

/** An email domain members may sign in from: lower-cased, no `@`, at least one dot. */
export const EmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain such as example.com');

export const MemberEmail = z.string().trim().toLowerCase().max(254, 'must be at most 254 characters').pipe(z.email('must be an email address'));

export const SupportLevelInput = z.enum(SUPPORT_LEVELS, { message: 'must be standard, business or enterprise' });

/** What an audience is made of; a list left out is kept on update (and empty on create). */
export const AudienceFields = z.object({
  name: Name,
  supportLevel: SupportLevelInput.optional(),
  /** Statuspage sends "" when unset; stored as null. */
  externalIdentifier: z
    .string()
    .trim()
    .max(255, 'must be at most 255 characters')
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null)),
  componentIds: IdList.optional(),
  groupIds: IdList.optional(),
  metricIds: IdList.optional(),
  memberIds: IdList.optional(),
  emailDomains: z
    .array(EmailDomain)
    .max(50)
    .transform((list) => [...new Set(list)])
    .optional(),
});
export type AudienceFields = z.input<typeof AudienceFields>;
