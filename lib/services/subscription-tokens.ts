import { randomBytes } from 'node:crypto';

/** A secret for a subscriber's manage, unsubscribe or confirmation link (192 bits). */
export function newSubscriberToken(): string {
  return randomBytes(24).toString('base64url');
}

/** How long a confirmation link stays valid. */
export const CONFIRM_VALID_MS = 48 * 3_600_000;
