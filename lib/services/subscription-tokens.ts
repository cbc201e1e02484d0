import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SubscriberRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';
import { linkMac } from '@/lib/notify/links';

/** A fresh nonce for one confirmation request (128 bits); the link's token is derived from it with the server key. */
export function newConfirmNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** What the token columns hold: the SHA-256 of a token, hex. A high-entropy token needs no slow hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** How long a confirmation link stays valid. */
export const CONFIRM_VALID_MS = 48 * 3_600_000;

/** The subscriber id of a derived `<id>-<mac>` link token whose MAC checks out. */
function idOfDerivedToken(token: string): string | undefined {
  const cut = token.lastIndexOf('-');
  const id = token.slice(0, cut);
  const mac = token.slice(cut + 1);
  if (cut < 1 || !/^[0-9a-f]{40}$/.test(mac)) return undefined;
  const expected = Buffer.from(linkMac(id));
  return timingSafeEqual(expected, Buffer.from(mac)) ? id : undefined;
}

/**
 * The subscriber a manage/unsubscribe link opens: a derived token is checked by recomputing its
 * MAC; any other token (issued before links were derived) by its hash in `subscribers.token`.
 */
export async function findSubscriberByLinkToken(db: DbOrTx, token: string): Promise<SubscriberRow | undefined> {
  const id = idOfDerivedToken(token);
  const query = db.selectFrom('subscribers').selectAll();
  return (id ? query.where('id', '=', id) : query.where('token', '=', hashToken(token))).executeTakeFirst();
}
