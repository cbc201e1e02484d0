import { describe, expect, it } from 'vitest';
import {
  addressKey,
  bucketFullAt,
  delayFor,
  takeToken,
  verdictFor,
  withAttempt,
  withoutAttempt,
  type DelayLimit,
  type Limit,
  type Window,
  type WindowLimit,
} from '@/lib/domain/throttle';

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

  it('is full again (its row may go) once the missing tokens have refilled', () => {
    expect(bucketFullAt({ tokens: 1, at: 1_000 }, { capacity: 3, refillPerMinute: 1 })).toBe(121_000);
  });
});

const hard: WindowLimit = { kind: 'window', limit: 3, windowMs: 60_000 };
const delay: DelayLimit = { kind: 'delay', freeAttempts: 2, baseDelayMs: 1_000, maxDelayMs: 8_000, windowMs: 600_000 };
const attempts = (n: number, limit: Limit = hard, start = 0, gap = 0) => {
  let w: Window | undefined;
  for (let i = 0; i < n; i++) w = withAttempt(w, limit, start + i * gap);
  return w;
};

describe('window limit', () => {
  it('allows `limit` attempts, then refuses until the window ends', () => {
    expect(verdictFor(attempts(2), hard, 10_000)).toEqual({ allowed: true });
    expect(verdictFor(attempts(3), hard, 10_000)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(verdictFor(attempts(3), hard, 60_000)).toEqual({ allowed: true });
  });

  it('opens a fresh window after the last one ended, and gives an attempt back', () => {
    expect(withAttempt(attempts(3), hard, 70_000)).toEqual({ count: 1, startedAt: 70_000, lastAt: 70_000 });
    expect(withoutAttempt(attempts(3), hard, 1_000)).toEqual({ count: 2, startedAt: 0, lastAt: 0 });
    expect(withoutAttempt(attempts(3), hard, 70_000)).toBeUndefined();
  });
});

describe('progressive delay', () => {
  it('doubles the wait after the free attempts, up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 9].map((n) => delayFor(n, delay))).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('refuses until the wait after the previous attempt has passed, never for good', () => {
    const w = attempts(4, delay, 0, 100); // last attempt at 300, 4 counted: wait 4 s
    expect(verdictFor(w, delay, 1_300)).toEqual({ allowed: false, retryAfterSeconds: 3 });
    expect(verdictFor(w, delay, 4_300)).toEqual({ allowed: true });
    // However many attempts pile up, the wait never passes the cap.
    expect(verdictFor(attempts(500, delay, 0, 0), delay, 8_000)).toEqual({ allowed: true });
  });
});

describe('addressKey', () => {
  it('keeps IPv4 as it is and groups IPv6 by its /64', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('2001:db8:1:2::1')).toBe(addressKey('2001:db8:1:2:ffff:abcd:1:2'));
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
  });
});
