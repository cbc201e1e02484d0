/**
 * Recovery codes for an operator's second factor: ten codes of ten characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L), shown as two groups of five.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Turns random bytes (10 per code) into a code such as "K7QMN-3WXPA". */
export function recoveryCodeFrom(bytes: Uint8Array): string {
  const chars = Array.from(bytes.slice(0, 10), (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** The canonical form of a typed code: upper case, spaces and dashes dropped; undefined when it cannot be one. */
export function normalizeRecoveryCode(typed: string): string | undefined {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '');
  if (plain.length !== 10 || [...plain].some((c) => !ALPHABET.includes(c))) return undefined;
  return plain;
}
