import type { getTranslations } from 'next-intl/server';
import { actionError } from '@/lib/http/error-response';
import { BLOCKED_TARGET_MESSAGE } from '@/lib/notify/ssrf';
import { ServiceError, TooManyRequestsError } from '@/lib/services/errors';

/** The subscription catalog's translator (messages/<locale>/subscription.json), in the page's language. */
export type SubscriptionTranslator = Awaited<ReturnType<typeof getTranslations<'subscription'>>>;

/**
 * The services' field messages (English, the APIs' words) and the catalog's key for each: the
 * form puts the field's own label before the message, so each is the rest of a sentence.
 */
const FIELD_MESSAGES: readonly [RegExp, string][] = [
  [/^is required$/, 'field.required'],
  [/^must be a valid email address$/, 'field.email'],
  [new RegExp(`^${BLOCKED_TARGET_MESSAGE.replace(/[()]/g, '\\$&')}$`), 'field.publicUrl'],
  [/^must be an http\(s\) URL/, 'field.url'],
  [/^choose at least one component/, 'field.noComponent'],
  [/^lists a component twice$/, 'field.componentTwice'],
  [/^unknown component/, 'field.unknownComponent'],
  [/IANA time zone/, 'field.timeZone'],
];

/** Fields no form shows: a problem with them is a problem with the link itself. */
const LINK_FIELDS = new Set(['token', '(body)']);

/** One field's message in the page's language; one the catalog does not know reads "is not valid". */
function fieldMessage(t: SubscriptionTranslator, field: string, message: string): string {
  if (field === 'locale') return t('field.locale');
  if (field === 'events') return t('field.events');
  const long = /^must be at most ([\d,]+) characters$/.exec(message);
  if (long) return t('field.tooLong', { max: Number(long[1]!.replaceAll(',', '')) });
  const known = FIELD_MESSAGES.find(([pattern]) => pattern.test(message));
  return t(known ? known[1] : 'field.invalid');
}

/** Each field's message in the page's language, by field name. */
export function localFields(t: SubscriptionTranslator, fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, fieldMessage(t, field, message)]));
}

/**
 * What a subscription form shows for a refusal, in the page's language: the fields to mark, or
 * one sentence (nothing raw from the server is shown). `notFound` is the sentence for a link that
 * leads nowhere (the confirm page says it its own way).
 */
export function localFailure(t: SubscriptionTranslator, error: unknown, notFound = t('errors.notFound')): { error: string; fields?: Record<string, string> } {
  const { fields } = actionError(error, t('errors.internal'));
  if (fields && Object.keys(fields).some((f) => LINK_FIELDS.has(f))) return { error: notFound };
  if (fields && Object.keys(fields).length > 0) return { error: t('errors.correctFields'), fields: localFields(t, fields) };
  if (error instanceof TooManyRequestsError) return { error: t('errors.rateLimited', { seconds: error.retryAfterSeconds }) };
  if (!(error instanceof ServiceError)) return { error: t('errors.internal') };
  if (error.code === 'not_found') return { error: notFound };
  if (error.code === 'expired') return { error: t('confirm.expired') };
  return { error: error.status >= 500 ? t('errors.internal') : t('errors.refused') };
}
