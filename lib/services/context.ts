import type { DbOrTx } from '@/lib/db/transaction';
import { getDb } from '@/lib/db';

/** Who is making a change, for the audit log. */
export interface Actor {
  type: 'operator' | 'api_key' | 'system';
  id: string | null;
  name: string;
}

/** What every service verb receives: where to read and write, what time it is, and who acts. */
export interface ServiceContext {
  db: DbOrTx;
  now: () => Date;
  actor?: Actor;
}

/** The context for requests served by this process. */
export async function requestContext(actor?: Actor): Promise<ServiceContext> {
  const { kysely } = await getDb();
  return { db: kysely, now: () => new Date(), actor };
}
