import { z } from 'zod';
import { Id } from '@/lib/services/schemas';

/** Shared pieces of subscription input. */
export const SubscriptionEvents = z.enum(['all', 'start_and_resolution'], {
  message: 'must be "all" or "start_and_resolution"',
});
/** A chosen set of components; leaving it out means all, an empty list is refused (never read as "all"). */
export const ComponentIds = z
  .array(Id)
  .min(1, 'choose at least one component, or all components')
  .max(500)
  .refine((list) => new Set(list).size === list.length, 'lists a component twice');
export const Email = z
  .email({ message: 'must be a valid email address' })
  .max(254, 'must be at most 254 characters')
  .transform((v) => v.trim().toLowerCase());
export const WebhookUrl = z
  .url({ protocol: /^https?$/, hostname: /.+/, message: 'must be an http(s) URL with a host' })
  .max(2000, 'must be at most 2,000 characters');
export const Token = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'is not a valid token');
