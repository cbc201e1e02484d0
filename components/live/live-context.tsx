'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** What the page knows about its freshness: the stream's state, and since when data is stale. */
export interface LiveInfo {
  state: LiveState;
  /** When set, the server answers from a snapshot taken at this time (database unreachable). */
  staleSince: string | null;
}

interface LiveContextValue extends LiveInfo {
  /** Calls `listener` whenever the page's documents should be read again; returns the unsubscribe. */
  onRevalidate: (listener: () => void) => () => void;
}

const LiveContext = createContext<LiveContextValue>({ state: 'connecting', staleSince: null, onRevalidate: () => () => {} });

/** Events within this window are coalesced into one revalidation. */
const COALESCE_MS = 50;
/**
 * During an update storm, at most one revalidation per this period (the last event always gets
 * one). The server already relays changes at most once per rebuild, so this only spaces reads.
 */
const MIN_GAP_MS = 250;

/**
 * Removes the "Status as of" notice the server put in a stale snapshot page
 * (lib/snapshot/stale-banner.ts) once the stream says how fresh the data is: from then on the
 * page's own notice (StaleNotice) shows it, once, and goes away on recovery.
 */
function dropServerNotice(): void {
  document.querySelector('body > [data-snapshot-stale]')?.remove();
}

/**
 * Keeps the page current: listens to /api/live and tells the page's documents (useLiveDoc) to
 * revalidate on each change, coalescing bursts; while the stream is down the documents poll
 * (SWR's refreshInterval) and on reconnect they are read once more.
 */
export function LiveProvider({ children }: { children: React.ReactNode }) {
  const [info, setInfo] = useState<LiveInfo>({ state: 'connecting', staleSince: null });
  const listeners = useRef(new Set<() => void>());
  const onRevalidate = useCallback((listener: () => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  useEffect(() => {
    let source: EventSource | null = null;
    let pending: ReturnType<typeof setTimeout> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let wasDown = false;
    let last = 0;

    const revalidate = () => {
      if (pending) return;
      pending = setTimeout(
        () => {
          pending = undefined;
          last = Date.now();
          for (const listener of listeners.current) listener();
        },
        Math.max(COALESCE_MS, last + MIN_GAP_MS - Date.now()),
      );
    };
    const connect = () => {
      source = new EventSource('/api/live');
      source.onopen = () => {
        setInfo((i) => ({ ...i, state: 'live' }));
        // Whatever happened while the stream was down was not announced to us.
        if (wasDown) revalidate();
        wasDown = false;
      };
      source.addEventListener('change', revalidate);
      source.addEventListener('snapshot', (e) => {
        const { staleSince } = JSON.parse((e as MessageEvent<string>).data) as { staleSince: string | null };
        dropServerNotice();
        setInfo((i) => {
          if (i.staleSince && !staleSince) revalidate();
          return { ...i, staleSince };
        });
      });
      source.onerror = () => {
        wasDown = true;
        setInfo((i) => ({ ...i, state: 'reconnecting' }));
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(connect, 5_000);
        }
      };
    };
    connect();
    return () => {
      source?.close();
      clearTimeout(pending);
      clearTimeout(retry);
    };
  }, []);

  return <LiveContext value={{ ...info, onRevalidate }}>{children}</LiveContext>;
}

/** The page's live state, from the nearest LiveProvider. */
export function useLive(): LiveInfo {
  return useContext(LiveContext);
}

/** The live state with the revalidation signal, for useLiveDoc. */
export function useLiveSignal(): LiveContextValue {
  return useContext(LiveContext);
}
