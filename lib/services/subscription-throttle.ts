import { takeToken, type Bucket, type BucketRule } from '@/lib/domain/throttle';
import { ServiceError } from '@/lib/services/errors';

/** Too many requests; `retryAfterSeconds` goes into the Retry-After header. */
export class TooManyRequestsError extends ServiceError {
  constructor(readonly retryAfterSeconds: number, what: string) {
    super('rate_limited', `Too many subscription requests ${what}; try again in ${retryAfterSeconds} s`, 429);
  }
}

/** Per client IP: a burst of 10, then 5 a minute. Per address: 3, then one every 10 minutes. */
export const PER_IP: BucketRule = { capacity: 10, refillPerMinute: 5 };
export const PER_ADDRESS: BucketRule = { capacity: 3, refillPerMinute: 0.1 };

const holder = globalThis as typeof globalThis & { __beaconSubscribeBuckets?: Map<string, Bucket> };

/** Spends one request from the IP's and the address's buckets, or throws a 429. In-process. */
export function throttleSubscribe(ip: string | null, address: string, now: Date): void {
  const buckets = (holder.__beaconSubscribeBuckets ??= new Map());
  if (buckets.size > 50_000) buckets.clear();
  const checks: [string, BucketRule, string][] = [];
  if (ip) checks.push([`ip:${ip}`, PER_IP, 'from your network']);
  // No address given: validation refuses the request anyway; do not let it drain a shared bucket.
  if (address) checks.push([`addr:${address}`, PER_ADDRESS, 'for this address']);
  for (const [key, rule, what] of checks) {
    const result = takeToken(buckets.get(key), rule, now.getTime());
    buckets.set(key, result.bucket);
    if (!result.allowed) throw new TooManyRequestsError(result.retryAfterSeconds, what);
  }
}

/** The client's address as the proxy in front reports it (the right-most X-Forwarded-For entry). */
export function clientIpOf(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',').map((v) => v.trim()).filter(Boolean);
  return forwarded?.at(-1) || headers.get('x-real-ip') || null;
}
