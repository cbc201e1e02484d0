import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JITTER, MAX_ATTEMPTS, RETRY_DELAYS_MS, nextAttemptAt, shouldDisable } from '@/lib/domain/backoff';

const now = new Date('2026-06-01T12:00:00Z');

describe('retry backoff', () => {
  it('follows 30 s, 2 min, 10 min, 30 min, 2 h, 6 h, 12 h without jitter at the midpoint', () => {
    const delays = Array.from({ length: 7 }, (_, i) => nextAttemptAt(i + 1, now, 0.5)!.getTime() - now.getTime());
    expect(delays).toEqual([30_000, 120_000, 600_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000]);
  });

  it('gives up after the eighth attempt', () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(nextAttemptAt(8, now, 0.5)).toBeNull();
  });

  it('keeps every jittered delay within ±20 % of its step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, random) => {
        const delay = nextAttemptAt(attempt, now, random)!.getTime() - now.getTime();
        const base = RETRY_DELAYS_MS[attempt - 1]!;
        return delay >= base * (1 - JITTER) - 1 && delay <= base * (1 + JITTER) + 1;
      }),
    );
  });

  it('disables a webhook only once it has failed for the whole window', () => {
    const day = 86_400_000;
    expect(shouldDisable(null, now, 5 * day)).toBe(false);
    expect(shouldDisable('2026-05-28T12:00:00Z', now, 5 * day)).toBe(false);
    expect(shouldDisable('2026-05-27T12:00:00Z', now, 5 * day)).toBe(true);
  });
});
