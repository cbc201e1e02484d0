import { describe, expect, it } from 'vitest';
import { takeToken } from '@/lib/domain/throttle';

describe('token bucket', () => {
  it('allows a burst, refuses with a Retry-After, and refills over time', () => {
    const rule = { capacity: 3, refillPerMinute: 1 };
    let bucket;
    const results = [];
    for (let i = 0; i < 4; i++) {
      const r = takeToken(bucket, rule, 0);
      bucket = r.bucket;
      results.push(r.allowed);
    }
    expect(results).toEqual([true, true, true, false]);
    expect(takeToken(bucket, rule, 0).retryAfterSeconds).toBe(60);
    expect(takeToken(bucket, rule, 60_000).allowed).toBe(true);
  });
});
