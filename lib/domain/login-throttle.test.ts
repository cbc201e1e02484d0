import { describe, expect, it } from 'vitest';
import { lockout } from '@/lib/domain/login-throttle';

const rule = { maxFailures: 3, windowMs: 60_000 };

describe('lockout', () => {
  it('lets a key through below the limit', () => {
    expect(lockout([1_000, 2_000], 10_000, rule)).toEqual({ locked: false, retryAfterSeconds: 0 });
  });

  it('locks at the limit until the oldest counted failure leaves the window', () => {
    expect(lockout([1_000, 2_000, 3_000], 10_000, rule)).toEqual({ locked: true, retryAfterSeconds: 51 });
    expect(lockout([1_000, 2_000, 3_000], 61_001, rule).locked).toBe(false);
  });

  it('counts only the newest failures when there are more than the limit', () => {
    const result = lockout([0, 1_000, 20_000, 30_000, 40_000], 50_000, rule);
    expect(result).toEqual({ locked: true, retryAfterSeconds: 30 });
  });

  it('ignores failures outside the window and in the future', () => {
    expect(lockout([-100_000, -90_000, 5_000, 999_999], 10_000, rule).locked).toBe(false);
  });
});
