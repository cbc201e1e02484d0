import { verdictFor, type DelayLimit, type Limit, type Verdict, type Window, type WindowLimit } from '@/lib/domain/throttle';

const FIFTEEN_MINUTES = 15 * 60_000;

/** One account from one address: five tries per 15 minutes. */
export const PAIR_LIMIT: WindowLimit = { kind: 'window', limit: 5, windowMs: FIFTEEN_MINUTES };
/** One address, any accounts: twenty tries per 15 minutes. */
export const ADDRESS_LIMIT: WindowLimit = { kind: 'window', limit: 20, windowMs: FIFTEEN_MINUTES };
/** One known device of one account: ten tries per 15 minutes, then it is treated as unknown. */
export const DEVICE_LIMIT: WindowLimit = { kind: 'window', limit: 10, windowMs: FIFTEEN_MINUTES };
/** One account from anywhere: five tries, then 1 s, 2 s, 4 s… up to a minute between tries. */
export const ACCOUNT_DELAY: DelayLimit = { kind: 'delay', freeAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000, windowMs: FIFTEEN_MINUTES };

export type LoginCounter = 'account' | 'pair' | 'address' | 'device';

/** One counter a sign-in attempt is charged to, and whether its limit applies to this attempt. */
export interface LoginCharge {
  counter: LoginCounter;
  limit: Limit;
  enforce: boolean;
}

/**
 * The counters an attempt is charged to. Every attempt counts everywhere; a device that signed
 * in to this account before answers only to its own limit, so failures elsewhere (an attacker's)
 * never keep it out. Once it has used up its own tries it is held to every limit like any other.
 */
export function loginCharges({ knownDevice, deviceWindow, now }: { knownDevice: boolean; deviceWindow?: Window; now: number }): LoginCharge[] {
  const trusted = knownDevice && verdictFor(deviceWindow, DEVICE_LIMIT, now).allowed;
  return [
    { counter: 'account', limit: ACCOUNT_DELAY, enforce: !trusted },
    { counter: 'pair', limit: PAIR_LIMIT, enforce: !trusted },
    { counter: 'address', limit: ADDRESS_LIMIT, enforce: !trusted },
    ...(knownDevice ? [{ counter: 'device' as const, limit: DEVICE_LIMIT, enforce: trusted }] : []),
  ];
}

/** The first enforced limit that refuses this attempt, or undefined when it may go ahead. */
export function refusal(
  charges: readonly LoginCharge[],
  windows: Partial<Record<LoginCounter, Window>>,
  now: number,
): { counter: LoginCounter; verdict: Extract<Verdict, { allowed: false }> } | undefined {
  for (const charge of charges) {
    if (!charge.enforce) continue;
    const verdict = verdictFor(windows[charge.counter], charge.limit, now);
    if (!verdict.allowed) return { counter: charge.counter, verdict };
  }
  return undefined;
}

/** "Try again in 8 seconds" / "in 15 minutes". */
export function retryPhrase(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
