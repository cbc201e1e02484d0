import type { DbOrTx } from '@/lib/db/transaction';
import { getDb } from '@/lib/db';

/** What every service verb receives: where to read and write, and what time it is. */
export interface ServiceContext {
  db: DbOrTx;
  now: () => Date;
}

/** The context for requests served by this process. */
export async function requestContext(): Promise<ServiceContext> {
  const { kysely } = await getDb();
  return { db: kysely, now: () => new Date() };
}
