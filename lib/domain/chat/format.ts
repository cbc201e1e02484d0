import type { ChatAlert, ChatPlatform } from '@/lib/domain/chat/alert';
import { toDiscord } from '@/lib/domain/chat/discord';
import { googleChatUrl, toGoogleChat } from '@/lib/domain/chat/google-chat';
import { toMattermost } from '@/lib/domain/chat/mattermost';
import { toSlack } from '@/lib/domain/chat/slack';
import { toTeams } from '@/lib/domain/chat/teams';

const FORMATTERS: Record<ChatPlatform, (alert: ChatAlert) => Record<string, unknown>> = {
  slack: toSlack,
  teams: toTeams,
  discord: toDiscord,
  google_chat: toGoogleChat,
  mattermost: toMattermost,
};

/** The request that posts `alert` to a platform's incoming webhook: where and what. */
export function chatRequest(platform: ChatPlatform, url: string, alert: ChatAlert): { url: string; body: string } {
  const target = platform === 'google_chat' ? googleChatUrl(url, alert.threadKey) : url;
  return { url: target, body: JSON.stringify(FORMATTERS[platform](alert)) };
}
