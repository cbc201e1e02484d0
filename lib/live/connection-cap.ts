import { shared } from '@/lib/runtime/bridge';

/** How many live streams one address and the whole instance may hold open. */
export interface LiveCaps {
  perAddress: number;
  total: number;
}

/** Seconds a refused client is asked to wait (EventSource clients here retry after 5 s and poll meanwhile). */
export const LIVE_RETRY_AFTER_SECONDS = 30;

interface Counts {
  total: number;
  byAddress: Map<string, number>;
}

const counts = (): Counts => shared<Counts>('liveConnections', () => ({ total: 0, byAddress: new Map() }));

export type LiveAdmission = { admitted: true; release: () => void } | { admitted: false; status: 429 | 503; message: string };

/**
 * Admits one more live stream for `address`, or says why not: 429 when the address holds its
 * share, 503 when the instance is full. `release` (idempotent) gives the place back on close.
 */
export function admitLiveConnection(address: string, caps: LiveCaps): LiveAdmission {
  const c = counts();
  const held = c.byAddress.get(address) ?? 0;
  if (held >= caps.perAddress) {
    return { admitted: false, status: 429, message: `Too many live connections from your address (at most ${caps.perAddress}); close some tabs or try again later` };
  }
  if (c.total >= caps.total) {
    return { admitted: false, status: 503, message: 'The live stream is full right now; the page keeps refreshing itself, try again later' };
  }
  c.total++;
  c.byAddress.set(address, held + 1);
  let released = false;
  return {
    admitted: true,
    release: () => {
      if (released) return;
      released = true;
      c.total--;
      const left = (c.byAddress.get(address) ?? 1) - 1;
      if (left > 0) c.byAddress.set(address, left);
      else c.byAddress.delete(address);
    },
  };
}

/** Live streams open on this instance, in total and for one address. */
export function liveConnectionCount(address?: string): number {
  const c = counts();
  return address === undefined ? c.total : (c.byAddress.get(address) ?? 0);
}
