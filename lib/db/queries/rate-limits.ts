import type { DbOrTx } from '@/lib/db/transaction';

/** A counter as read: `state` is undefined when there is none or it expired; `version` is for compare-and-set. */
export interface StoredLimit<S> {
  state: S | undefined;
  version: number | undefined;
}

const ABSENT = { state: undefined, version: undefined };

/** Reads throttle counters by key; an expired one reads as absent but keeps its version for the next write. */
export async function readLimits<S>(db: DbOrTx, keys: readonly string[], now: number): Promise<Map<string, StoredLimit<S>>> {
  const found = new Map<string, StoredLimit<S>>();
  if (keys.length === 0) return found;
  const rows = await db.selectFrom('rate_limits').select(['key', 'state', 'version', 'expires_at']).where('key', 'in', keys).execute();
  for (const row of rows) {
    found.set(row.key, { state: Number(row.expires_at) > now ? (JSON.parse(row.state) as S) : undefined, version: row.version });
  }
  return found;
}

/**
 * Writes a counter unless another request changed it since it was read (compare-and-set on its
 * version, atomic on both databases); false when one did. Each new row first prunes expired ones,
 * so the table holds only live counters.
 */
export async function writeLimit<S>(db: DbOrTx, key: string, read: StoredLimit<S>, state: S, expiresAt: number, now: number): Promise<boolean> {
  const json = JSON.stringify(state);
  if (read.version === undefined) {
    await db.deleteFrom('rate_limits').where('expires_at', '<=', now).execute();
    const inserted = await db
      .insertInto('rate_limits')
      .values({ key, state: json, version: 1, expires_at: expiresAt })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const updated = await db
    .updateTable('rate_limits')
    .set({ state: json, version: read.version + 1, expires_at: expiresAt })
    .where('key', '=', key)
    .where('version', '=', read.version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/**
 * Changes one counter: reads it, lets `step` decide, writes the new state with compare-and-set,
 * and starts over when another request (or instance) got there first. A step without `write`
 * changes nothing. After `tries` lost races it gives up with `busy`.
 */
export async function updateLimit<S, R>(
  db: DbOrTx,
  key: string,
  now: number,
  step: (state: S | undefined) => { result: R; write?: { state: S; expiresAt: number } },
  busy: R,
  tries = 8,
): Promise<R> {
  for (let i = 0; i < tries; i++) {
    const read = (await readLimits<S>(db, [key], now)).get(key) ?? ABSENT;
    const { result, write } = step(read.state);
    if (!write) return result;
    if (await writeLimit(db, key, read, write.state, write.expiresAt, now)) return result;
  }
  return busy;
}

/** Forgets counters (a successful sign-in clears its own failures). */
export async function deleteLimits(db: DbOrTx, keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await db.deleteFrom('rate_limits').where('key', 'in', keys).execute();
}
