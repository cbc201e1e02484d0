/** A token bucket: `tokens` left as of `at` (epoch ms). */
export interface Bucket {
  tokens: number;
  at: number;
}

export interface BucketRule {
  capacity: number;
  refillPerMinute: number;
}

/**
 * Takes one token if there is one. Returns the new bucket and, when refused, how many
 * seconds until a token is back (for Retry-After).
 */
export function takeToken(
  bucket: Bucket | undefined,
  rule: BucketRule,
  now: number,
): { bucket: Bucket; allowed: boolean; retryAfterSeconds: number } {
  const previous = bucket ?? { tokens: rule.capacity, at: now };
  const refilled = Math.min(rule.capacity, previous.tokens + ((now - previous.at) / 60_000) * rule.refillPerMinute);
  if (refilled >= 1) return { bucket: { tokens: refilled - 1, at: now }, allowed: true, retryAfterSeconds: 0 };
  const wait = Math.ceil(((1 - refilled) / rule.refillPerMinute) * 60);
  return { bucket: { tokens: refilled, at: now }, allowed: false, retryAfterSeconds: Math.max(1, wait) };
}
