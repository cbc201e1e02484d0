import { EventEmitter } from 'node:events';
import { onChange } from '@/lib/live/change-bus';
import type { LiveEvent } from '@/lib/live/live-event';
import { shared } from '@/lib/runtime/bridge';

interface Hub {
  emitter: EventEmitter;
}

/** The process's one hub, relaying this process's changes (the change bus) to its listeners. */
function hub(): Hub {
  return shared<Hub>('liveHub', () => {
    const emitter = new EventEmitter().setMaxListeners(0);
    onChange((event) => emitter.emit('event', event));
    return { emitter };
  });
}

/** Subscribes to every change this instance should react to; returns the unsubscribe function. */
export function onLive(listener: (event: LiveEvent) => void): () => void {
  const { emitter } = hub();
  emitter.on('event', listener);
  return () => emitter.off('event', listener);
}

/** Announces a change that did not go through this process's services (other instance or process). */
export function publishLive(event: LiveEvent): void {
  hub().emitter.emit('event', event);
}

/**
 * Subscribes to changes once the public snapshot shows them (relayed by the snapshot runtime,
 * lib/snapshot/runtime.ts), which is when a browser should read its documents again.
 */
export function onSettled(listener: (event: LiveEvent) => void): () => void {
  const { emitter } = hub();
  emitter.on('settled', listener);
  return () => emitter.off('settled', listener);
}

/** Announces a change that the public snapshot now shows. */
export function publishSettled(event: LiveEvent): void {
  hub().emitter.emit('settled', event);
}

/** How many listeners the hub has (SSE clients plus the snapshot store), for /api/health. */
export function liveListenerCount(): number {
  const { emitter } = hub();
  return emitter.listenerCount('event') + emitter.listenerCount('settled');
}
