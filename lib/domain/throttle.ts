import ipaddr from 'ipaddr.js';

/** Whether an attempt may go ahead, and if not, how many seconds until it may (for Retry-After). */
export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const ALLOWED: Verdict = { allowed: true };
const wait = (ms: number): Verdict => ({ allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) });

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
  const waitSeconds = Math.ceil(((1 - refilled) / rule.refillPerMinute) * 60);
  return { bucket: { tokens: refilled, at: now }, allowed: false, retryAfterSeconds: Math.max(1, waitSeconds) };
}

/** When a bucket is full again, so its stored row can go (an absent bucket reads as full). */
export function bucketFullAt(bucket: Bucket, rule: BucketRule): number {
  return bucket.at + Math.ceil(((rule.capacity - bucket.tokens) / rule.refillPerMinute) * 60_000);
}

/** Attempts counted in a fixed window that opened at `startedAt` (epoch ms). */
export interface Window {
  count: number;
  startedAt: number;
  lastAt: number;
}

/** A hard limit: `limit` attempts per window. */
export interface WindowLimit {
  kind: 'window';
  limit: number;
  windowMs: number;
}

/**
 * A progressive delay: `freeAttempts` per window, then each further attempt waits
 * `baseDelayMs`, doubling with every attempt, up to `maxDelayMs`, after the previous one.
 */
export interface DelayLimit {
  kind: 'delay';
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
}

export type Limit = WindowLimit | DelayLimit;

/** The window as it stands at `now`: undefined once it has ended. */
export function currentWindow(window: Window | undefined, limit: Limit, now: number): Window | undefined {
  return window && now < window.startedAt + limit.windowMs ? window : undefined;
}

/** How long an attempt must wait after the previous one, given the attempts already counted. */
export function delayFor(count: number, limit: DelayLimit): number {
  if (count < limit.freeAttempts) return 0;
  return Math.min(limit.maxDelayMs, limit.baseDelayMs * 2 ** (count - limit.freeAttempts));
}

/** Whether one more attempt is allowed under `limit`. */
export function verdictFor(window: Window | undefined, limit: Limit, now: number): Verdict {
  const current = currentWindow(window, limit, now);
  if (!current) return ALLOWED;
  if (limit.kind === 'window') {
    return current.count < limit.limit ? ALLOWED : wait(current.startedAt + limit.windowMs - now);
  }
  const readyAt = current.lastAt + delayFor(current.count, limit);
  return now >= readyAt ? ALLOWED : wait(readyAt - now);
}

/** The window after one more attempt (a fresh window when the last one ended). */
export function withAttempt(window: Window | undefined, limit: Limit, now: number): Window {
  const current = currentWindow(window, limit, now);
  return current ? { count: current.count + 1, startedAt: current.startedAt, lastAt: now } : { count: 1, startedAt: now, lastAt: now };
}

/** The window after one attempt is given back (it turned out not to be a failure). */
export function withoutAttempt(window: Window | undefined, limit: Limit, now: number): Window | undefined {
  const current = currentWindow(window, limit, now);
  return current && { ...current, count: Math.max(0, current.count - 1) };
}

/** When a window's stored row can go. */
export function windowEndsAt(window: Window, limit: Limit): number {
  return window.startedAt + limit.windowMs;
}

/**
 * The key a client address is limited under: an IPv4 address as it is, an IPv6 address by its
 * /64 (one subscriber's allocation, so rotating through it gains nothing).
 */
export function addressKey(address: string): string {
  if (!ipaddr.isValid(address)) return address.slice(0, 64);
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}
