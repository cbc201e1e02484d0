import { EventEmitter } from 'node:events';
import { shared } from '@/lib/runtime/bridge';
import type { DomainEvent } from '@/lib/domain/events';

/** The in-process bus that committed changes are announced on (live stream, snapshots). */
export function changeBus(): EventEmitter {
  return shared('changeBus', () => new EventEmitter().setMaxListeners(0));
}

/** Announces a committed change to every listener in this process. */
export function publishChange(event: DomainEvent): void {
  changeBus().emit('change', event);
}

/** Subscribes to committed changes; returns the unsubscribe function. */
export function onChange(listener: (event: DomainEvent) => void): () => void {
  changeBus().on('change', listener);
  return () => changeBus().off('change', listener);
}
