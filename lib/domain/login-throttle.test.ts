import { describe, expect, it } from 'vitest';
import { ACCOUNT_DELAY, DEVICE_LIMIT, loginCharges, refusal, retryPhrase } from '@/lib/domain/login-throttle';
import { withAttempt, type Limit, type Window } from '@/lib/domain/throttle';

const piled = (n: number, limit: Limit = ACCOUNT_DELAY, at = 0) => {
  let w: Window | undefined;
  for (let i = 0; i < n; i++) w = withAttempt(w, limit, at);
  return w;
};

describe('sign-in charges', () => {
  it('holds an unknown browser to the account, pair and address limits', () => {
    const charges = loginCharges({ knownDevice: false, now: 0 });
    expect(charges.map((c) => [c.counter, c.enforce])).toEqual([
      ['account', true],
      ['pair', true],
      ['address', true],
    ]);
    expect(refusal(charges, { account: piled(6) }, 1_000)).toEqual({ counter: 'account', verdict: { allowed: false, retryAfterSeconds: 1 } });
  });

  it("lets a known browser past other people's failures, counting them all the same", () => {
    const charges = loginCharges({ knownDevice: true, now: 0 });
    expect(charges.map((c) => [c.counter, c.enforce])).toEqual([
      ['account', false],
      ['pair', false],
      ['address', false],
      ['device', true],
    ]);
    expect(refusal(charges, { account: piled(500), pair: piled(50), address: piled(5_000) }, 1)).toBeUndefined();
  });

  it('treats a known browser that used up its own tries like any other', () => {
    const charges = loginCharges({ knownDevice: true, deviceWindow: piled(10, DEVICE_LIMIT), now: 1 });
    expect(charges.filter((c) => c.enforce).map((c) => c.counter)).toEqual(['account', 'pair', 'address']);
    expect(refusal(charges, { account: piled(9), device: piled(10, DEVICE_LIMIT) }, 1)?.counter).toBe('account');
  });
});

describe('retryPhrase', () => {
  it('says seconds under a minute and a half, minutes above', () => {
    expect([1, 8, 89, 90, 900].map(retryPhrase)).toEqual(['1 second', '8 seconds', '89 seconds', '2 minutes', '15 minutes']);
  });
});
