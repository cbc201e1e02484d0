import type { Db } from '@/lib/db/connect';
import type { SoakSubscriber } from '@/scripts/soak/setup';

/** How one channel's healthy subscribers fared: every (subscriber, update) pair should arrive once. */
export interface ChannelAccount {
  expected: number;
  delivered: number;
  missing: number;
  /** Extra arrivals of a pair already delivered. */
  duplicates: number;
  /** …of those, re-sends of a row the killed worker held (sent, outcome never written). */
  explained: number;
  /** Arrivals that are not one of the incident's update alerts (other alerts, or rows unknown to the outbox). */
  other: number;
}

/**
 * Accounts deliveries against subscribers × updates. An arrival is named by the outbox row id it
 * carries (X-Beacon-Notification, webhook-id `msg_<id>`); the outbox says whose row it is and
 * which event, and an incident event's key ends in the update id it is about.
 */
export async function accountAlerts(
  db: Db,
  input: { channel: 'email' | 'webhook'; arrivals: string[]; subscribers: SoakSubscriber[]; updateIds: string[]; heldByKilled: Set<string> },
): Promise<ChannelAccount> {
  const rows = new Map<string, { subscriber_id: string; event_id: string }>();
  const ids = [...new Set(input.arrivals)];
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db.kysely.selectFrom('notifications').select(['id', 'subscriber_id', 'event_id']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of found) rows.set(r.id, r);
  }
  const wantedUpdates = new Set(input.updateIds);
  const wantedSubscribers = new Set(input.subscribers.map((s) => s.id));
  const counts = new Map<string, number>();
  const explainedRows = new Set<string>();
  let other = 0;
  let explained = 0;
  for (const id of input.arrivals) {
    const row = rows.get(id);
    const updateId = row?.event_id.slice(row.event_id.indexOf(':') + 1);
    if (!row || !updateId || !wantedUpdates.has(updateId) || !wantedSubscribers.has(row.subscriber_id)) {
      other += 1;
      continue;
    }
    const pair = `${row.subscriber_id}/${updateId}`;
    const n = (counts.get(pair) ?? 0) + 1;
    counts.set(pair, n);
    // One re-send per row the killed worker held is the at-least-once cost of the kill.
    if (n > 1 && input.heldByKilled.has(id) && !explainedRows.has(id)) {
      explainedRows.add(id);
      explained += 1;
    }
  }
  const expected = input.subscribers.length * input.updateIds.length;
  const delivered = counts.size;
  const duplicates = [...counts.values()].reduce((a, n) => a + n - 1, 0);
  return { expected, delivered, missing: expected - delivered, duplicates, explained, other };
}

/** Outbox rows by state, for the subscribers given and for everyone else. */
export async function outboxStates(db: Db, subscriberIds: string[]) {
  const rows = await db.kysely
    .selectFrom('notifications')
    .select(['state', 'subscriber_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['state', 'subscriber_id'])
    .execute();
  const mine = new Set(subscriberIds);
  const tally = (pick: (id: string) => boolean) => {
    const out: Record<string, number> = {};
    for (const r of rows.filter((r) => pick(r.subscriber_id))) out[r.state] = (out[r.state] ?? 0) + Number(r.n);
    return out;
  };
  return { given: tally((id) => mine.has(id)), rest: tally((id) => !mine.has(id)) };
}
