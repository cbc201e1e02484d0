import { describe, expect, it } from 'vitest';
import { normalizeRecoveryCode, recoveryCodeFrom } from '@/lib/domain/recovery-codes';

describe('recovery codes', () => {
  it('shows ten characters in two groups and reads them back however they are typed', () => {
    const code = recoveryCodeFrom(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(code).toBe('ABCDE-FGHJK');
    expect(normalizeRecoveryCode(' abcde fghjk ')).toBe('ABCDEFGHJK');
    expect(normalizeRecoveryCode('ABCDE-FGHJK')).toBe('ABCDEFGHJK');
  });

  it('refuses what cannot be a code (wrong length, look-alike characters)', () => {
    expect(normalizeRecoveryCode('123456')).toBeUndefined();
    expect(normalizeRecoveryCode('ABCDE-FGHJ0')).toBeUndefined();
    expect(normalizeRecoveryCode('')).toBeUndefined();
  });
});
