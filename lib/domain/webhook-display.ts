import { CHAT_PLATFORM_LABEL, type ChatPlatform } from '@/lib/domain/chat/alert';

/**
 * A webhook URL as the console shows it: scheme, host and the first path segment, the rest
 * masked. Chat webhooks carry their secret in the path (`hooks.slack.com/services/T…/B…/<token>`,
 * Discord's `/api/webhooks/<id>/<token>`), plain ones often in the query; a responder glancing at
 * the list, or a screen shared on a bridge call, should not leak a channel's posting rights.
 * The full URL stays in the database and in the admins' CSV export.
 */
export function maskedWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '••••';
  }
  const [first, ...rest] = parsed.pathname.split('/').filter(Boolean);
  const path = first ? `/${first}${rest.length > 0 ? '/••••' : ''}` : '';
  const port = parsed.port ? `:${parsed.port}` : '';
  return `${parsed.protocol}//${parsed.hostname}${port}${path}${parsed.search ? '?••••' : ''}`;
}

/** The type a subscriber list shows: "Slack", "Microsoft Teams"…, a plain "webhook", or "email". */
export function subscriberTypeLabel(kind: 'email' | 'webhook', chatPlatform: ChatPlatform | null): string {
  if (kind === 'email') return 'email';
  return chatPlatform ? CHAT_PLATFORM_LABEL[chatPlatform] : 'webhook';
}
