import { listFollows } from '@/lib/db/queries/upstreams';
import type { DbOrTx } from '@/lib/db/transaction';
import type { UpstreamView } from '@/lib/services/views';

/** The third-party label of every component that follows another page, by component id. */
export async function upstreamViews(db: DbOrTx): Promise<Map<string, UpstreamView>> {
  const follows = await listFollows(db);
  return new Map(follows.map((f) => [f.component_id, { pageName: f.page_name, pageUrl: f.page_url, unknownSince: f.unknown_since }]));
}
