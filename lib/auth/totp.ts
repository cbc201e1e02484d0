import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 defaults every authenticator app reads: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;

/** One step either side of now is accepted, for clock drift and a code typed as it changes. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

/** A new base32 TOTP secret (160 bits, as RFC 4226 recommends). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// address an authenticator app scans from the QR code. */
export function totpUri({ issuer, account, secret }: { issuer: string; account: string; secret: string }): string {
  return generateURI({ issuer, label: account, secret });
}

/**
 * Checks a 6-digit code at `now`, one step either side; a step at or before `afterStep` (the
 * last one accepted for this secret) is refused, so each code signs in once. Returns the
 * accepted time step, or undefined.
 */
export async function verifyTotp({
  secret,
  code,
  now,
  afterStep,
}: {
  secret: string;
  code: string;
  now: Date;
  afterStep?: number | null;
}): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep != null && { afterTimeStep: afterStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : undefined;
  } catch {
    return undefined;
  }
}
