import type { Db } from '@/lib/db/connect';
import { expandNextBatch } from '@/lib/notify/expand';

/** Expands every waiting alert event into outbox rows, as a worker would (tests). */
export async function expandAll(db: Db, now: Date, batchSize?: number): Promise<number> {
  let queued = 0;
  for (let step = await expandNextBatch(db.kysely, db.dialect, { now, batchSize }); step; step = await expandNextBatch(db.kysely, db.dialect, { now, batchSize })) {
    queued += step.queued;
  }
  return queued;
}
