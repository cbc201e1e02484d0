import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or an API key (256 bits, URL-safe). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** What the database keeps of a secret: its SHA-256, so a leaked table opens nothing. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
