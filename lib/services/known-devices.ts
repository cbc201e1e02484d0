import { digest } from '@/lib/auth/tokens';
import type { DbOrTx } from '@/lib/db/transaction';

/** How long a browser stays known without signing in again (the cookie lives as long). */
export const KNOWN_DEVICE_MS = 180 * 24 * 60 * 60_000;
/** Browsers remembered per operator; the least recently used go first. */
export const KNOWN_DEVICES_PER_OPERATOR = 10;

/** Whether this browser's device token signed in to this operator's account before. */
export async function isKnownDevice(db: DbOrTx, token: string, operatorId: string): Promise<boolean> {
  const row = await db
    .selectFrom('known_devices')
    .select('id')
    .where('id', '=', digest(token))
    .where('operator_id', '=', operatorId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Records a successful sign-in from this browser (its token stored hashed) and prunes: at most
 * ten browsers per operator, none unseen for 180 days. Returns the token for the cookie.
 */
export async function rememberDevice(db: DbOrTx, token: string, operatorId: string, now: Date): Promise<string> {
  const at = now.toISOString();
  await db
    .insertInto('known_devices')
    .values({ id: digest(token), operator_id: operatorId, created_at: at, last_seen_at: at })
    .onConflict((oc) => oc.columns(['id', 'operator_id']).doUpdateSet({ last_seen_at: at }))
    .execute();
  const keep = db
    .selectFrom('known_devices')
    .select('id')
    .where('operator_id', '=', operatorId)
    .orderBy('last_seen_at', 'desc')
    .limit(KNOWN_DEVICES_PER_OPERATOR);
  await db.deleteFrom('known_devices').where('operator_id', '=', operatorId).where('id', 'not in', keep).execute();
  await db
    .deleteFrom('known_devices')
    .where('last_seen_at', '<', new Date(now.getTime() - KNOWN_DEVICE_MS).toISOString())
    .execute();
  return token;
}
