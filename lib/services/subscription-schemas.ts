import { z } from 'zod';
import { LOCALES } from '@/lib/i18n/locales';
import { isTimeZone } from '@/lib/i18n/time-zones';
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
/** One of the languages Beacon speaks (lib/i18n/locales.ts). */
export const SubscriberLocale = z.enum(LOCALES, { message: `must be one of ${LOCALES.map((l) => `"${l}"`).join(', ')}` });
/** An IANA zone name this runtime knows, e.g. "Europe/Berlin" (UTC is always accepted). */
export const TimeZone = z
  .string()
  .trim()
  .max(64, 'must be at most 64 characters')
  .refine(isTimeZone, 'must be an IANA time zone name such as "Europe/Berlin"');
