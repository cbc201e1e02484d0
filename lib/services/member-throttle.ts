import { addressKey, bucketFullAt, takeToken, type Bucket, type BucketRule } from '@/lib/domain/throttle';
import { digest } from '@/lib/auth/tokens';
import { updateLimit } from '@/lib/db/queries/rate-limits';
import type { ServiceContext } from '@/lib/services/context';
import { TooManyRequestsError } from '@/lib/services/errors';

/** Per client address: a burst of 10, then 5 a minute. Per email: 3 links, then one every 5 minutes. */
export const MEMBER_LINK_PER_IP: BucketRule = { capacity: 10, refillPerMinute: 5 };
export const MEMBER_LINK_PER_EMAIL: BucketRule = { capacity: 3, refillPerMinute: 0.2 };

/**
 * Spends one sign-in link request from the client's and the address's buckets, or throws a 429.
 * Every address has a bucket, member or not, so the throttle tells nobody who is a member.
 */
export async function throttleMemberLink(ctx: ServiceContext, clientAddress: string | null, email: string): Promise<void> {
  const now = ctx.now().getTime();
  const checks: [string, BucketRule][] = [];
  if (clientAddress) checks.push([`member-link:ip:${addressKey(clientAddress)}`, MEMBER_LINK_PER_IP]);
  checks.push([`member-link:email:${digest(email)}`, MEMBER_LINK_PER_EMAIL]);
  for (const [key, rule] of checks) {
    const retryAfter = await updateLimit<Bucket, number>(
      ctx.db,
      key,
      now,
      (bucket) => {
        const taken = takeToken(bucket, rule, now);
        if (!taken.allowed) return { result: taken.retryAfterSeconds };
        return { result: 0, write: { state: taken.bucket, expiresAt: bucketFullAt(taken.bucket, rule) } };
      },
      1,
    );
    if (retryAfter > 0) throw new TooManyRequestsError(`Too many sign-in requests; try again in ${retryAfter} s`, retryAfter);
  }
}
