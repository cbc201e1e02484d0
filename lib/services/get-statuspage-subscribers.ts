import { toManageSubscriber } from '@/lib/domain/statuspage-manage/shapes';
import type { Paging } from '@/lib/domain/statuspage-manage/paging';
import type { SubscriberRow } from '@/lib/db/schema';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError } from '@/lib/services/errors';

const STATES: Record<string, SubscriberRow['state'][]> = {
  active: ['active'],
  unconfirmed: ['pending'],
  quarantined: ['disabled'],
  all: ['active', 'pending', 'disabled'],
  unsubscribed: ['unsubscribed'],
};

export interface SubscriberQuery {
  /** Statuspage's `type`: email or webhook here; other types have no subscribers in Beacon. */
  type?: string;
  /** active (default), unconfirmed, quarantined, all, or unsubscribed (the /unsubscribed list). */
  state?: string;
  q?: string;
  sortField?: 'primary' | 'created_at' | 'quarantined_at';
  sortDirection?: 'asc' | 'desc';
  paging: Paging;
}

/** A page of subscribers in the manage API v1 shape, never their tokens or secrets. */
export async function getManageSubscribers({ ctx, query }: { ctx: ServiceContext; query: SubscriberQuery }) {
  authorize(ctx, 'subscriber.read');
  // Own keys only: `?state=__proto__` must not find Object.prototype (it answered 500).
  const state = query.state ?? 'active';
  const states = Object.hasOwn(STATES, state) ? STATES[state] : undefined;
  if (!states || (query.type && query.type !== 'email' && query.type !== 'webhook')) return [];
  let select = ctx.db.selectFrom('subscribers').selectAll().where('state', 'in', states);
  if (query.type) select = select.where('kind', '=', query.type as 'email' | 'webhook');
  if (query.q) {
    const q = `%${query.q.toLowerCase()}%`;
    select = select.where((eb) => eb.or([eb(eb.fn('lower', ['email']), 'like', q), eb(eb.fn('lower', ['url']), 'like', q)]));
  }
  const direction = query.sortDirection ?? 'asc';
  const field = query.sortField === 'created_at' ? 'created_at' : query.sortField === 'quarantined_at' ? 'disabled_at' : 'email';
  select = select.orderBy(field, direction).orderBy('created_at', direction).orderBy('id');
  const rows = await select.limit(query.paging.perPage).offset((query.paging.page - 1) * query.paging.perPage).execute();
  return withComponents(ctx, rows);
}

/** One subscriber; throws NotFoundError. */
export async function getManageSubscriber({ ctx, id }: { ctx: ServiceContext; id: string }) {
  authorize(ctx, 'subscriber.read');
  const row = await ctx.db.selectFrom('subscribers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Subscriber', id);
  return (await withComponents(ctx, [row]))[0]!;
}

async function withComponents(ctx: ServiceContext, rows: SubscriberRow[]) {
  const chosen = rows.filter((r) => !r.all_components).map((r) => r.id);
  const links = chosen.length
    ? await ctx.db.selectFrom('subscriber_components').select(['subscriber_id', 'component_id']).where('subscriber_id', 'in', chosen).execute()
    : [];
  return rows.map((r) => toManageSubscriber(r, links.filter((l) => l.subscriber_id === r.id).map((l) => l.component_id)));
}
