/** How many failed sign-ins a key (an account or an IP) may have inside the window. */
export interface LockoutRule {
  maxFailures: number;
  windowMs: number;
}

export const ACCOUNT_RULE: LockoutRule = { maxFailures: 5, windowMs: 15 * 60_000 };
export const IP_RULE: LockoutRule = { maxFailures: 20, windowMs: 15 * 60_000 };

/**
 * Whether a key is locked out, given the times (epoch ms) of its recent failures.
 * Locked once `maxFailures` failures fall inside the window; it opens again when the
 * oldest of those leaves the window.
 */
export function lockout(failures: readonly number[], now: number, rule: LockoutRule): { locked: boolean; retryAfterSeconds: number } {
  const recent = failures.filter((t) => t > now - rule.windowMs && t <= now).sort((a, b) => b - a);
  if (recent.length < rule.maxFailures) return { locked: false, retryAfterSeconds: 0 };
  const oldestCounted = recent[rule.maxFailures - 1]!;
  return { locked: true, retryAfterSeconds: Math.max(1, Math.ceil((oldestCounted + rule.windowMs - now) / 1000)) };
}
