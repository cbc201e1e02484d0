const holder = globalThis as typeof globalThis & { __beaconWakers?: Set<() => void> };

/** Registers a worker to be woken when new outbox rows are committed in this process. */
export function onOutboxWrite(wake: () => void): () => void {
  holder.__beaconWakers ??= new Set();
  holder.__beaconWakers.add(wake);
  return () => holder.__beaconWakers?.delete(wake);
}

/** Wakes this process's workers (call after commit). */
export function wakeWorkers(): void {
  for (const wake of holder.__beaconWakers ?? []) wake();
}
