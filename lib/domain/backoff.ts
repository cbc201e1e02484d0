/** Delays before each retry of an alert: about 30 s, 2 min, 10 min, 30 min, 2 h, 6 h, 12 h. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000] as const;

/** How many attempts an alert gets before it is dead: the first plus one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** Spread of the jitter: each delay is drawn from ±20 % so failed endpoints are not retried in lockstep. */
export const JITTER = 0.2;

/**
 * When a failed attempt should be retried, or null once the alert is dead.
 * `attempts` counts the attempts made so far (≥ 1); `random` is in [0, 1).
 */
export function nextAttemptAt(attempts: number, now: Date, random: number): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const base = RETRY_DELAYS_MS[Math.max(0, attempts - 1)]!;
  const factor = 1 - JITTER + 2 * JITTER * random;
  return new Date(now.getTime() + Math.round(base * factor));
}

/** A webhook that has failed since `failingSince` for at least `windowMs` is disabled. */
export function shouldDisable(failingSince: string | null, now: Date, windowMs: number): boolean {
  return failingSince !== null && now.getTime() - Date.parse(failingSince) >= windowMs;
}
