import type { ServiceContext } from '@/lib/services/context';
import { getComponent } from '@/lib/db/queries/components';

/** A local upstream page, unreachable unless someone serves one: the demo carries its last good read. */
export const DEMO_UPSTREAM = {
  url: 'http://localhost:4010/api/v2/summary.json',
  pageName: 'Example Cloud',
  pageUrl: 'http://localhost:4010',
  componentId: 'euc1network',
  componentName: 'eu-central-1 Networking',
} as const;

/**
 * Issue #18 part 3: the EU breakout follows its cloud provider's page, marked as read a minute
 * ago with the status it has, so the page shows the third-party label without any network.
 * The first poll is due a minute later; with nothing served there the console shows the read error,
 * and the page says "unknown" once BEACON_UPSTREAM_GRACE_SECONDS more have passed.
 */
export async function seedDemoUpstream(ctx: ServiceContext, componentId: string): Promise<void> {
  const component = await getComponent(ctx.db, componentId);
  if (!component) return;
  const at = ctx.now().toISOString();
  const components = JSON.stringify([{ id: DEMO_UPSTREAM.componentId, name: DEMO_UPSTREAM.componentName, status: component.status }]);
  // Read as fresh: a just-loaded demo does not poll (and fail) at once.
  const nextFetch = new Date(ctx.now().getTime() + 60_000).toISOString();
  await ctx.db
    .insertInto('upstream_sources')
    .values({ url: DEMO_UPSTREAM.url, etag: null, last_modified: null, page_name: DEMO_UPSTREAM.pageName, page_url: DEMO_UPSTREAM.pageUrl, components, fetched_at: at, next_fetch_at: nextFetch, last_error: null })
    .execute();
  await ctx.db
    .insertInto('component_upstreams')
    .values({
      component_id: componentId,
      url: DEMO_UPSTREAM.url,
      upstream_component_id: DEMO_UPSTREAM.componentId,
      upstream_component_name: DEMO_UPSTREAM.componentName,
      page_name: DEMO_UPSTREAM.pageName,
      page_url: DEMO_UPSTREAM.pageUrl,
      notify_subscribers: false,
      last_success_at: at,
      last_error: null,
      last_error_at: null,
      failing_since: null,
      unknown_since: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}
