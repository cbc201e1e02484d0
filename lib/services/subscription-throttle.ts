import { addressKey, bucketFullAt, takeToken, type Bucket, type BucketRule } from '@/lib/domain/throttle';
import { digest } from '@/lib/auth/tokens';
import { updateLimit } from '@/lib/db/queries/rate-limits';
import type { ServiceContext } from '@/lib/services/context';
import { TooManyRequestsError } from '@/lib/services/errors';

/** Per client address: a burst of 10, then 5 a minute. Per email or URL: 3, then one every 10 minutes. */
export const PER_IP: BucketRule = { capacity: 10, refillPerMinute: 5 };
export const PER_ADDRESS: BucketRule = { capacity: 3, refillPerMinute: 0.1 };

/**
 * Spends one request from the client address's and the subscribed address's buckets, or throws
 * a 429. The buckets live in the database (shared by every instance, expired ones pruned), so
 * no number of other addresses resets anyone's.
 */
export async function throttleSubscribe(ctx: ServiceContext, clientAddress: string | null, address: string): Promise<void> {
  const now = ctx.now().getTime();
  const checks: [string, BucketRule, string][] = [];
  if (clientAddress) checks.push([`subscribe:ip:${addressKey(clientAddress)}`, PER_IP, 'from your network']);
  // No address given: validation refuses the request anyway; do not let it drain a shared bucket.
  if (address) checks.push([`subscribe:target:${digest(address)}`, PER_ADDRESS, 'for this address']);
  for (const [key, rule, what] of checks) {
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
    if (retryAfter > 0) throw new TooManyRequestsError(`Too many subscription requests ${what}; try again in ${retryAfter} s`, retryAfter);
  }
}
