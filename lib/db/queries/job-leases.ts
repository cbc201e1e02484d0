import type { JobLeaseRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';

/**
 * Takes or renews the lease on job `name` for `holder` until `until`, in one atomic upsert that
 * both dialects run: it succeeds when nobody holds the lease, when `holder` already does, or when
 * the last holder's lease ran out before `now`. Returns the lease when `holder` has it now.
 */
export async function acquireLease(
  db: DbOrTx,
  lease: { name: string; holder: string; now: Date; until: Date },
): Promise<JobLeaseRow | undefined> {
  const now = lease.now.toISOString();
  return db
    .insertInto('job_leases')
    .values({ name: lease.name, holder: lease.holder, expires_at: lease.until.toISOString(), acquired_at: now })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet((eb) => ({
          holder: eb.ref('excluded.holder'),
          expires_at: eb.ref('excluded.expires_at'),
          // A renewal keeps the time the lease was first taken.
          acquired_at: eb
            .case()
            .when('job_leases.holder', '=', eb.ref('excluded.holder'))
            .then(eb.ref('job_leases.acquired_at'))
            .else(eb.ref('excluded.acquired_at'))
            .end(),
        }))
        .where((eb) => eb.or([eb('job_leases.holder', '=', eb.ref('excluded.holder')), eb('job_leases.expires_at', '<', now)])),
    )
    .returningAll()
    .executeTakeFirst();
}

/** Gives the lease up (a clean stop), so another instance need not wait for it to run out. */
export async function releaseLease(db: DbOrTx, name: string, holder: string): Promise<void> {
  await db.deleteFrom('job_leases').where('name', '=', name).where('holder', '=', holder).execute();
}

/** Who holds job `name`'s lease and until when (possibly already run out); undefined if nobody took it yet. */
export async function readLease(db: DbOrTx, name: string): Promise<JobLeaseRow | undefined> {
  return db.selectFrom('job_leases').selectAll().where('name', '=', name).executeTakeFirst();
}
