import { nextFetchAt, pastGrace } from '@/lib/domain/upstream/polling';
import type { UpstreamComponent } from '@/lib/domain/upstream/summary';
import { getSource, listFollows, saveSource, updateFollow } from '@/lib/db/queries/upstreams';
import type { ComponentUpstreamRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import type { ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { readUpstream, upstreamTiming } from '@/lib/services/read-upstream';
import { setComponentStatus } from '@/lib/services/set-component-status';

/** What one tick did to one upstream URL. */
export interface UpstreamPollResult {
  url: string;
  outcome: 'skipped' | 'fresh' | 'not_modified' | 'failed';
  error?: string;
}

type Timing = { minSeconds: number; graceSeconds: number };

/**
 * One poll tick (run by the scheduler under its lease): reads each upstream URL that is due,
 * once for all the components following it, and moves each follower to its upstream
 * component's status through setComponentStatus, audited as "upstream: <host>" and alerting
 * subscribers only where the operator asked. A URL that cannot be read leaves its followers'
 * status as it was; past the grace period they are marked unknown, which the page says.
 */
export async function pollUpstreams({ ctx, timing = upstreamTiming() }: { ctx: ServiceContext; timing?: Timing }): Promise<UpstreamPollResult[]> {
  const follows = await listFollows(ctx.db);
  const byUrl = new Map<string, ComponentUpstreamRow[]>();
  for (const f of follows) byUrl.set(f.url, [...(byUrl.get(f.url) ?? []), f]);
  const results: UpstreamPollResult[] = [];
  for (const [url, followers] of byUrl) {
    try {
      results.push(await pollOne(ctx, url, followers, timing));
    } catch (error) {
      console.error(`[beacon] upstream ${url} could not be polled`, error);
      results.push({ url, outcome: 'failed', error: (error as Error).message });
    }
  }
  return results;
}

async function pollOne(ctx: ServiceContext, url: string, followers: ComponentUpstreamRow[], timing: Timing): Promise<UpstreamPollResult> {
  const now = ctx.now();
  const source = await getSource(ctx.db, url);
  if (source?.next_fetch_at && Date.parse(source.next_fetch_at) > now.getTime()) return { url, outcome: 'skipped' };

  const read = await readUpstream(url, { etag: source?.etag, lastModified: source?.last_modified });
  const base = {
    url,
    etag: source?.etag ?? null,
    last_modified: source?.last_modified ?? null,
    page_name: source?.page_name ?? null,
    page_url: source?.page_url ?? null,
    components: source?.components ?? null,
    fetched_at: source?.fetched_at ?? null,
  };
  let components: UpstreamComponent[] | undefined;
  if (read.kind === 'fresh') {
    components = read.components;
    await saveSource(ctx.db, {
      ...base,
      etag: read.etag,
      last_modified: read.lastModified,
      page_name: read.page.name,
      page_url: read.page.url,
      components: JSON.stringify(read.components),
      fetched_at: now.toISOString(),
      next_fetch_at: nextFetchAt(now, timing.minSeconds, read.cacheControl).toISOString(),
      last_error: null,
    });
  } else if (read.kind === 'not_modified' && base.components) {
    components = JSON.parse(base.components) as UpstreamComponent[];
    await saveSource(ctx.db, { ...base, fetched_at: now.toISOString(), next_fetch_at: nextFetchAt(now, timing.minSeconds, read.cacheControl).toISOString(), last_error: null });
  } else {
    // A 304 with nothing stored to reuse is read again in full next time.
    const error = read.kind === 'failed' ? read.error : 'not modified, but nothing was kept from before';
    await saveSource(ctx.db, { ...base, etag: null, last_modified: read.kind === 'failed' ? base.last_modified : null, next_fetch_at: nextFetchAt(now, timing.minSeconds).toISOString(), last_error: error });
    for (const f of followers) await recordFailure(ctx, f, error, timing);
    return { url, outcome: 'failed', error };
  }

  const host = new URL(url).host;
  const upstreamCtx: ServiceContext = { ...ctx, actor: { type: 'system', id: null, name: `upstream: ${host}` } };
  for (const f of followers) {
    const mirrored = components.find((c) => c.id === f.upstream_component_id);
    if (!mirrored) {
      await recordFailure(ctx, f, `component ${f.upstream_component_name} is no longer listed upstream`, timing);
      continue;
    }
    await withTransaction(ctx.db, async (trx) => {
      const inner = { ...upstreamCtx, db: trx };
      await setComponentStatus({ ctx: inner, input: { id: f.component_id, status: mirrored.status }, alert: f.notify_subscribers });
      await updateFollow(trx, f.component_id, {
        last_success_at: now.toISOString(),
        failing_since: null,
        unknown_since: null,
        upstream_component_name: mirrored.name,
        page_name: read.kind === 'fresh' ? read.page.name : f.page_name,
        page_url: read.kind === 'fresh' ? read.page.url : f.page_url,
        updated_at: now.toISOString(),
      });
      // Back from "unknown": the page drops the notice even when the status did not move.
      if (f.unknown_since) await emit(trx, { type: 'page.changed', what: 'component' }, now);
    });
  }
  return { url, outcome: read.kind };
}

/** Keeps the follower's status, notes the error, and past the grace period marks it unknown. */
async function recordFailure(ctx: ServiceContext, f: ComponentUpstreamRow, error: string, timing: Timing): Promise<void> {
  const now = ctx.now();
  const failingSince = f.failing_since ?? now.toISOString();
  const unknown = f.unknown_since ?? (pastGrace(failingSince, now, timing.graceSeconds) ? failingSince : null);
  await withTransaction(ctx.db, async (trx) => {
    await updateFollow(trx, f.component_id, { last_error: error.slice(0, 500), last_error_at: now.toISOString(), failing_since: failingSince, unknown_since: unknown, updated_at: now.toISOString() });
    if (unknown && !f.unknown_since) await emit(trx, { type: 'page.changed', what: 'component' }, now);
  });
}
