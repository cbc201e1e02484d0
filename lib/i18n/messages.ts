import type { Locale } from '@/lib/i18n/locales';
import { pseudoMessages } from '@/lib/i18n/pseudo';

/** The namespaces the public pages use (the emails' and preferences' catalogs load on their own). */
export const PUBLIC_NAMESPACES = ['common', 'status', 'incident', 'history', 'subscribe', 'subscription', 'errors', 'uptime', 'access'] as const;

export type Messages = Record<string, Record<string, unknown>>;

/** One language's public catalogs, by namespace. */
export async function publicMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    PUBLIC_NAMESPACES.map(async (ns) => [ns, ((await import(`../../messages/${locale}/${ns}.json`)) as { default: Record<string, unknown> }).default] as const),
  );
  const messages: Messages = Object.fromEntries(entries);
  // A layout test's server reads English stretched and accented (lib/i18n/pseudo.ts).
  return locale === 'en' && process.env.BEACON_PSEUDO_LOCALE === '1' ? pseudoMessages(messages) : messages;
}
