import { stringify } from 'csv-stringify/sync';
import type { ChatPlatform } from '@/lib/domain/chat/alert';
import { z } from 'zod';
import { containsIgnoringCase } from '@/lib/db/queries/text-search';
import type { DbOrTx } from '@/lib/db/transaction';
import { parseInput } from '@/lib/services/errors';
import { Id, QueryText } from '@/lib/services/schemas';

export const SubscriberFilter = z.object({
  q: QueryText.pipe(z.string().trim().max(200, 'must be at most 200 characters')).optional(),
  kind: z.enum(['email', 'webhook']).optional(),
  state: z.enum(['pending', 'active', 'disabled', 'unsubscribed']).optional(),
  componentId: Id.optional(),
});
export type SubscriberFilter = z.input<typeof SubscriberFilter>;

/** One subscriber as the console lists it. */
export interface SubscriberListItem {
  id: string;
  kind: 'email' | 'webhook';
  email: string | null;
  url: string | null;
  /** Set for a chat channel: a webhook posting in this platform's format. */
  chatPlatform: ChatPlatform | null;
  state: string;
  allComponents: boolean;
  events: string;
  maintenance: boolean;
  createdAt: string;
  confirmedAt: string | null;
  failingSince: string | null;
}

/** Subscribers matching the filter (newest first, up to `limit`) and counts by type and state. */
export async function listSubscribers(db: DbOrTx, filter: SubscriberFilter, limit = 200) {
  const f = parseInput(SubscriberFilter, filter);
  let query = db.selectFrom('subscribers').selectAll('subscribers');
  if (f.q) {
    const q = f.q;
    query = query.where((eb) =>
      eb.or([containsIgnoringCase('subscribers.email', q), containsIgnoringCase('subscribers.url', q)]),
    );
  }
  if (f.kind) query = query.where('subscribers.kind', '=', f.kind);
  if (f.state) query = query.where('subscribers.state', '=', f.state);
  if (f.componentId) {
    const componentId = f.componentId;
    query = query.where((eb) =>
      eb.or([
        eb('subscribers.all_components', '=', true),
        eb.exists(
          eb
            .selectFrom('subscriber_components')
            .select('subscriber_components.component_id')
            .whereRef('subscriber_components.subscriber_id', '=', 'subscribers.id')
            .where('subscriber_components.component_id', '=', componentId),
        ),
      ]),
    );
  }
  const rows = await query.orderBy('subscribers.created_at', 'desc').limit(limit).execute();
  const counts = await db
    .selectFrom('subscribers')
    .select(['kind', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['kind', 'state'])
    .execute();
  const items: SubscriberListItem[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    email: r.email,
    url: r.url,
    chatPlatform: r.chat_platform,
    state: r.state,
    allComponents: r.all_components,
    events: r.events,
    maintenance: r.maintenance,
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    failingSince: r.failing_since,
  }));
  return { items, counts: counts.map((c) => ({ kind: c.kind, state: c.state, n: Number(c.n) })) };
}

/**
 * RFC 4180 CSV of subscribers for export. Cells a spreadsheet would run as a formula (a leading
 * `=`, `+`, `-`, `@`, tab or CR) get a leading `'` (csv-stringify's `escape_formulas`).
 */
export function subscribersCsv(items: readonly SubscriberListItem[]): string {
  const header = ['id', 'type', 'email', 'url', 'state', 'components', 'events', 'maintenance', 'created_at', 'confirmed_at'];
  const rows = items.map((i) => [
    i.id, i.kind, i.email, i.url, i.state, i.allComponents ? 'all' : 'chosen', i.events, i.maintenance, i.createdAt, i.confirmedAt,
  ]);
  // csv-stringify quotes \n but not a bare CR, which spreadsheets also end a row on.
  return stringify([header, ...rows], { record_delimiter: 'windows', escape_formulas: true, quoted_match: /\r/, cast: { boolean: String } });
}
