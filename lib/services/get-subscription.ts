import type { DbOrTx } from '@/lib/db/transaction';
import type { SubscriberRow } from '@/lib/db/schema';
import { listComponents, listGroups } from '@/lib/db/queries/components';
import { loadSight } from '@/lib/services/visibility';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { Token } from '@/lib/services/subscription-schemas';
import { findSubscriberByLinkToken } from '@/lib/services/subscription-tokens';
import type { PageView } from '@/lib/services/views';

/** What the manage page shows: the subscription, the component tree and recent deliveries. */
export interface SubscriptionView {
  pageName: string;
  page: PageView;
  subscriber: Pick<SubscriberRow, 'kind' | 'email' | 'url' | 'state' | 'all_components' | 'events' | 'maintenance' | 'created_at' | 'chat_platform' | 'locale' | 'time_zone'>;
  componentIds: string[];
  deliveries: { id: string; type: string; state: string; attempts: number; lastError: string | null; createdAt: string; deliveredAt: string | null; lastStatus: number | null }[];
}

/** The subscription behind a manage token, or undefined when the link is unknown. */
export async function getSubscription(db: DbOrTx, token: string, now: Date): Promise<SubscriptionView | undefined> {
  if (!Token.safeParse(token).success) return undefined;
  const sub = await findSubscriberByLinkToken(db, token);
  if (!sub) return undefined;
  const settings = await getPageSettings(db, now);
  const chosen = await db.selectFrom('subscriber_components').select('component_id').where('subscriber_id', '=', sub.id).execute();
  const deliveries = await db
    .selectFrom('notifications')
    .innerJoin('notification_events', 'notification_events.id', 'notifications.event_id')
    .select([
      'notifications.id',
      'notification_events.type',
      'notifications.state',
      'notifications.attempts',
      'notifications.last_error',
      'notifications.created_at',
      'notifications.delivered_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('delivery_attempts')
        .select('status_code')
        .whereRef('delivery_attempts.notification_id', '=', 'notifications.id')
        .orderBy('delivery_attempts.id', 'desc')
        .limit(1)
        .as('last_status'),
    )
    .where('notifications.subscriber_id', '=', sub.id)
    .orderBy('notifications.created_at', 'desc')
    .limit(20)
    .execute();
  return {
    pageName: settings.name,
    page: { id: settings.id, name: settings.name, logoUrl: settings.logo_url, timeZone: settings.time_zone },
    subscriber: sub,
    componentIds: chosen.map((c) => c.component_id),
    deliveries: deliveries.map((d) => ({
      id: d.id,
      type: d.type,
      state: d.state,
      attempts: d.attempts,
      lastError: d.last_error,
      createdAt: d.created_at,
      deliveredAt: d.delivered_at,
      lastStatus: d.last_status ?? null,
    })),
  };
}

/** Components grouped as on the status page, for the checkbox lists. */
export async function listComponentChoices(db: DbOrTx) {
  // Subscribers are the public: a private component is not theirs to choose.
  const sight = await loadSight(db);
  const [groups, components] = await Promise.all([
    listGroups(db).then((rows) => rows.filter((g) => sight.group(g.id))),
    listComponents(db).then((rows) => rows.filter((c) => sight.component(c.id, c.group_id))),
  ]);
  return {
    groups: groups
      .map((g) => ({ id: g.id, name: g.name, components: components.filter((c) => c.group_id === g.id).map((c) => ({ id: c.id, name: c.name })) }))
      .filter((g) => g.components.length > 0),
    ungrouped: components.filter((c) => c.group_id === null).map((c) => ({ id: c.id, name: c.name })),
  };
}
