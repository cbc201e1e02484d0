import { badgeColor, badgeSvg } from '@/lib/domain/badge';
import { FEED_CONTENT_TYPES, FEED_FILES, feedBodies } from '@/lib/domain/feeds/feed-set';
import { COMPONENT_STATUS_LABEL } from '@/lib/domain/status';
import { buildV2Documents, V2_PATHS } from '@/lib/domain/statuspage/documents';
import type { SpComponent, SpPage, SpStatus } from '@/lib/domain/statuspage/types';
import { publicUrl } from '@/lib/env';
import type { ServiceContext } from '@/lib/services/context';
import { getStatuspageData } from '@/lib/services/get-statuspage-data';
import { CACHE_POLICY, CORS_HEADERS } from '@/lib/snapshot/cache-policy';
import { buildPageSet } from '@/lib/snapshot/page-set';
import { represent, type Representation } from '@/lib/snapshot/representation';
import { v2Representation } from '@/lib/snapshot/v2';

/** A key of the public set: the path, plus `?component=<id>` for a component's badge. */
export type PublicKey = string;

/** The badge key for the page or for one component. */
export function badgeKey(componentId?: string | null): PublicKey {
  return componentId ? `/badge.svg?component=${componentId}` : '/badge.svg';
}

/** Drawn badges by label, message and colour: a rebuild redraws only the badges whose text changed. */
const drawnBadges = new Map<string, string>();
const BADGES_KEPT = 2_000;

function drawBadge(label: string, message: string, color: string): string {
  const key = `${label}\u0000${message}\u0000${color}`;
  let svg = drawnBadges.get(key);
  if (svg === undefined) {
    svg = badgeSvg({ label, message, color });
    drawnBadges.set(key, svg);
    if (drawnBadges.size > BADGES_KEPT) drawnBadges.delete(drawnBadges.keys().next().value!);
  }
  return svg;
}

/**
 * Every public non-HTML response (v2 JSON, feeds, badges) from one read of the database, each
 * ready to serve with its ETag and compressed variants.
 */
export async function buildPublicSet(ctx: ServiceContext): Promise<Map<PublicKey, Representation>> {
  const now = ctx.now();
  const builtAt = now.toISOString();
  const baseUrl = publicUrl();
  const [data, pageDocs] = await Promise.all([getStatuspageData({ ctx, baseUrl }), buildPageSet(ctx)]);
  const docs = buildV2Documents(data);
  const set = new Map<PublicKey, Representation>();
  for (const path of V2_PATHS) set.set(`/api/v2/${path}`, v2Representation(docs[path], builtAt));

  const { page, components, status } = docs['summary.json'] as { page: SpPage; components: SpComponent[]; status: SpStatus };
  const cancelled = new Set(data.incidents.filter((i) => i.status === 'cancelled').map((i) => i.id));
  const feeds = feedBodies(docs, { baseUrl, now, cancelled });
  for (const file of FEED_FILES) {
    set.set(`/${file}`, represent(feeds[file], { 'content-type': FEED_CONTENT_TYPES[file], 'cache-control': CACHE_POLICY.feed, ...CORS_HEADERS }, { builtAt }));
  }

  const badgeHeaders = { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': CACHE_POLICY.badge, ...CORS_HEADERS };
  const svg = (label: string, message: string, color: string) =>
    // Badges are a few hundred bytes: compressing hundreds of them per rebuild costs more than it saves.
    represent(drawBadge(label, message, color), badgeHeaders, { builtAt, compress: false });
  set.set(badgeKey(), svg(page.name, status.description, badgeColor(status)));
  for (const c of components) {
    set.set(badgeKey(c.id), svg(c.name, COMPONENT_STATUS_LABEL[c.status], badgeColor({ status: c.status })));
  }
  for (const [key, rep] of pageDocs) set.set(key, rep);
  return set;
}
