import { channelTokenCreatedAt } from '@/lib/db/queries/member-channels';
import { listMemberSubscriptions, type MemberSubscription } from '@/lib/db/queries/member-subscriptions';
import { subscriberLinks, type LinkLanguage } from '@/lib/notify/links';
import type { DbOrTx } from '@/lib/db/transaction';
import { FEED_FILES, type FeedFile } from '@/lib/domain/feeds/feed-set';
import { V2_PATHS } from '@/lib/domain/statuspage/documents';

/** Where a member's own channels are: the API under one prefix, each feed under their secret (URL-safe as made). */
export function memberChannelUrls(baseUrl: string, token: string): { api: string; feeds: Record<FeedFile, string> } {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    api: `${base}/api/v2/member/`,
    feeds: Object.fromEntries(FEED_FILES.map((f) => [f, `${base}/feeds/member/${token}/${f}`])) as Record<FeedFile, string>,
  };
}

/** What the member's "Your alerts, feeds and API" page shows: whether they have a secret, and since when. */
export async function getMemberChannels(db: DbOrTx, memberId: string): Promise<{ tokenCreatedAt: string | null; apiPaths: readonly string[] }> {
  return { tokenCreatedAt: await channelTokenCreatedAt(db, memberId), apiPaths: V2_PATHS };
}

/** The member's subscriptions (email, webhooks, chat channels) with each one's manage link, in the page's language. */
export async function getMemberSubscriptions(
  db: DbOrTx,
  memberId: string,
  baseUrl: string,
  language?: LinkLanguage,
): Promise<(MemberSubscription & { manageUrl: string })[]> {
  return (await listMemberSubscriptions(db, memberId)).map((s) => ({ ...s, manageUrl: subscriberLinks(baseUrl, s.id, language).manage }));
}
