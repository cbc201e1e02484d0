import { shared } from '@/lib/runtime/bridge';

const wakers = () => shared('outboxWakers', () => new Set<() => void>());

/** Registers a worker to be woken when new outbox rows are committed in this process. */
export function onOutboxWrite(wake: () => void): () => void {
  wakers().add(wake);
  return () => wakers().delete(wake);
}

/** Wakes this process's workers (call after commit). */
export function wakeWorkers(): void {
  for (const wake of wakers()) wake();
}
