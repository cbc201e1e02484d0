/**
 * Settles as `promise` does, or rejects with the signal's reason once it aborts (a `TimeoutError`
 * for `AbortSignal.timeout(ms)`), whichever comes first. For work that takes no signal itself
 * (a database driver's query): the work goes on, only the wait ends.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
