import { describe, expect, it } from 'vitest';
import { untilAborted } from '@/lib/async/until-aborted';

describe('untilAborted', () => {
  it('settles as the promise does while the signal has not aborted', async () => {
    await expect(untilAborted(Promise.resolve(42), AbortSignal.timeout(10_000))).resolves.toBe(42);
    await expect(untilAborted(Promise.reject(new Error('boom')), AbortSignal.timeout(10_000))).rejects.toThrow('boom');
  });

  it('rejects with a TimeoutError when AbortSignal.timeout fires first', async () => {
    const never = new Promise<never>(() => {});
    await expect(untilAborted(never, AbortSignal.timeout(5))).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('rejects at once on a signal already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(untilAborted(Promise.resolve(1), controller.signal)).rejects.toThrow('gone');
  });
});
