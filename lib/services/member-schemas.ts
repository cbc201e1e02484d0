import { z } from 'zod';
import { IdList, MemberEmail } from '@/lib/services/audience-schemas';

/** A member as an admin or the API describes them; on update every field is optional. */
export const MemberFields = z.object({
  email: MemberEmail,
  externalLogin: z
    .string()
    .trim()
    .max(255, 'must be at most 255 characters')
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null)),
  audienceIds: IdList.optional(),
});
export type MemberFields = z.input<typeof MemberFields>;
