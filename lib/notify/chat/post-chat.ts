import type { ChatPlatform } from '@/lib/domain/chat/alert';
import { chatRequest } from '@/lib/domain/chat/format';
import type { AlertSnapshot } from '@/lib/notify/alert-snapshot';
import { chatAlertOf } from '@/lib/notify/chat/chat-alert';
import type { Reader } from '@/lib/notify/email-render';
import { subscriberLinks, type LinkLanguage } from '@/lib/notify/links';
import { guardedPost, WEBHOOK_TIMEOUT_MS, type WebhookResult } from '@/lib/notify/guarded-post';

/**
 * Posts one alert to a chat channel's incoming webhook in the platform's own format; never throws.
 * `reader`: the subscriber's language and zone, which the message is written in; `language`: the
 * same for its links, so its manage link opens the page in it (as its emails' do).
 */
export async function postChat(input: {
  platform: ChatPlatform;
  url: string;
  subscriberId: string;
  snapshot: AlertSnapshot;
  language?: LinkLanguage;
  reader?: Reader;
  timeoutMs?: number;
}): Promise<WebhookResult> {
  const alert = chatAlertOf(input.snapshot, subscriberLinks(input.snapshot.baseUrl, input.subscriberId, input.language).manage, input.reader);
  const request = chatRequest(input.platform, input.url, alert);
  const headers = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Beacon-Chat/1.0' };
  return guardedPost(request.url, request.body, headers, input.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
}
