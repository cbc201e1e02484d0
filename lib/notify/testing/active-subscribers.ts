import { newId } from '@/lib/db/ids';
import type { Db } from '@/lib/db/connect';
import { subscriberLinkToken } from '@/lib/notify/links';
import { digest as hashToken } from '@/lib/auth/tokens';

export interface ActiveSubscriber {
  id?: string;
  kind: 'email' | 'webhook';
  /** The email address or the webhook URL. */
  address: string;
  secret?: string;
}

/**
 * Writes confirmed subscribers to everything straight into the table, in batches: the setup of
 * tests and benchmarks that need thousands of them without the double opt-in round trip.
 */
export async function insertActiveSubscribers(db: Db, subscribers: ActiveSubscriber[], now = new Date()): Promise<string[]> {
  const at = now.toISOString();
  const ids = subscribers.map((s) => s.id ?? newId());
  const rows = subscribers.map((s, i) => ({
    id: ids[i]!,
    kind: s.kind,
    email: s.kind === 'email' ? s.address : null,
    url: s.kind === 'webhook' ? s.address : null,
    secret: s.secret ?? null,
    state: 'active' as const,
    all_components: true,
    events: 'all' as const,
    maintenance: true,
    token: hashToken(subscriberLinkToken(ids[i]!)),
    confirm_token: null,
    confirm_expires_at: null,
    confirmed_at: at,
    failing_since: null,
    disabled_at: null,
    unsubscribed_at: null,
    created_at: at,
    updated_at: at,
  }));
  for (let i = 0; i < rows.length; i += 200) await db.kysely.insertInto('subscribers').values(rows.slice(i, i + 200)).execute();
  return rows.map((r) => r.id);
}
