import { z } from 'zod';
import { summaryUrl } from '@/lib/domain/upstream/summary';
import { getComponent } from '@/lib/db/queries/components';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { getFollow, saveSource } from '@/lib/db/queries/upstreams';
import type { ComponentUpstreamRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { readUpstream, upstreamTiming } from '@/lib/services/read-upstream';
import { Id } from '@/lib/services/schemas';
import { setComponentStatus } from '@/lib/services/set-component-status';
import { nextFetchAt } from '@/lib/domain/upstream/polling';

export const FollowUpstreamInput = z.object({
  id: Id,
  url: z.string().trim().min(1, 'is required').max(2000, 'is too long'),
  upstreamComponentId: z.string().trim().min(1, 'is required').max(100),
  notifySubscribers: z.boolean().default(false),
});
export type FollowUpstreamInput = z.input<typeof FollowUpstreamInput>;

/** The summary.json URL of what the operator typed, or a 422 naming the field. */
export function upstreamUrlOrThrow(input: string, field = 'url'): string {
  const url = summaryUrl(input);
  if (!url) throw new ValidationError('The page address must be an http(s) URL', { [field]: 'must be an http(s) URL of a status page' });
  return url;
}

/**
 * Makes a component follow a component of another Statuspage-compatible page. The page is read
 * now (through the SSRF guard), so the chosen component is known to exist; the component takes
 * its status at once, and the scheduler's poll keeps it following.
 */
export async function followUpstream({ ctx, input }: { ctx: ServiceContext; input: FollowUpstreamInput }): Promise<ComponentUpstreamRow> {
  authorize(ctx, 'component.update');
  const data = parseInput(FollowUpstreamInput, input);
  const url = upstreamUrlOrThrow(data.url);
  const read = await readUpstream(url);
  if (read.kind !== 'fresh') throw new ValidationError(`The page could not be read: ${read.kind === 'failed' ? read.error : 'no document'}`, { url: 'could not be read' });
  const chosen = read.components.find((c) => c.id === data.upstreamComponentId);
  if (!chosen) throw new ValidationError('That page lists no such component', { upstreamComponentId: 'is not a component of that page' });
  const now = ctx.now();
  const at = now.toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const component = await getComponent(trx, data.id);
    if (!component || component.archived_at) throw new NotFoundError('Component', data.id);
    const before = await getFollow(trx, data.id);
    const row: ComponentUpstreamRow = {
      component_id: data.id,
      url,
      upstream_component_id: chosen.id,
      upstream_component_name: chosen.name,
      page_name: read.page.name,
      page_url: read.page.url,
      notify_subscribers: data.notifySubscribers,
      last_success_at: at,
      last_error: null,
      last_error_at: null,
      failing_since: null,
      unknown_since: null,
      created_at: before?.created_at ?? at,
      updated_at: at,
    };
    const { component_id: _id, created_at: _created, ...changes } = row;
    await trx.insertInto('component_upstreams').values(row).onConflict((oc) => oc.column('component_id').doUpdateSet(changes)).execute();
    await saveSource(trx, {
      url,
      etag: read.etag,
      last_modified: read.lastModified,
      page_name: read.page.name,
      page_url: read.page.url,
      components: JSON.stringify(read.components),
      fetched_at: at,
      next_fetch_at: nextFetchAt(now, upstreamTiming().minSeconds, read.cacheControl).toISOString(),
      last_error: null,
    });
    await recordAudit(trx, ctx, {
      action: 'component.upstream',
      entityType: 'component',
      entityId: data.id,
      before: before ? { url: before.url, upstream_component: before.upstream_component_name } : null,
      after: { url, upstream_component: chosen.name, notify_subscribers: data.notifySubscribers },
    });
    await setComponentStatus({ ctx: { ...ctx, db: trx }, input: { id: data.id, status: chosen.status }, alert: data.notifySubscribers });
    await emit(trx, { type: 'page.changed', what: 'component' }, now);
    return row;
  });
}

/** Stops following: the component keeps its last status and is the operator's again. */
export async function unfollowUpstream({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<void> {
  authorize(ctx, 'component.update');
  const { id } = parseInput(z.object({ id: Id }), input);
  await withTransaction(ctx.db, async (trx) => {
    const before = await getFollow(trx, id);
    if (!before) throw new NotFoundError('Upstream of component', id);
    await trx.deleteFrom('component_upstreams').where('component_id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'component.upstream', entityType: 'component', entityId: id, before: { url: before.url, upstream_component: before.upstream_component_name }, after: null });
    await emit(trx, { type: 'page.changed', what: 'component' }, ctx.now());
  });
}

/** The components an upstream page lists, for the operator to pick from (read now, guarded). */
export async function listUpstreamChoices({ ctx, url: input }: { ctx: ServiceContext; url: string }) {
  authorize(ctx, 'component.update');
  const url = upstreamUrlOrThrow(input);
  const read = await readUpstream(url);
  if (read.kind !== 'fresh') throw new ValidationError(`The page could not be read: ${read.kind === 'failed' ? read.error : 'no document'}`, { url: 'could not be read' });
  return { url, page: read.page, components: read.components };
}

/** A component and what it follows (with how reading went), for the console's edit page. */
export async function getComponentUpstream({ ctx, id }: { ctx: ServiceContext; id: string }) {
  const component = /^[a-z0-9]{1,64}$/.test(id) ? await getComponent(ctx.db, id) : undefined;
  if (!component || component.archived_at) return undefined;
  const [follow, settings] = await Promise.all([getFollow(ctx.db, id), getPageSettings(ctx.db, ctx.now())]);
  return { component, follow: follow ?? null, timeZone: settings.time_zone };
}
