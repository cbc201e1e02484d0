'use client';

import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useState } from 'react';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** What the page knows about its freshness: the stream's state, and since when data is stale. */
export interface LiveInfo {
  state: LiveState;
  /** When set, the server answers from a snapshot taken at this time (database unreachable). */
  staleSince: string | null;
}

const LiveContext = createContext<LiveInfo>({ state: 'connecting', staleSince: null });

/** How often the page re-reads itself while the stream is down. */
const POLL_MS = 30_000;
/** Events within this window are coalesced into one refresh. */
const COALESCE_MS = 50;
/** During an update storm, at most one refresh per this period (the last event always gets one). */
const MIN_GAP_MS = 500;

/**
 * Keeps the page current: listens to /api/live and re-renders the server components on each
 * change; while the stream is down it polls instead.
 */
export function LiveProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const [info, setInfo] = useState<LiveInfo>({ state: 'connecting', staleSince: null });

  useEffect(() => {
    let source: EventSource | null = null;
    let pending: ReturnType<typeof setTimeout> | undefined;
    let poll: ReturnType<typeof setInterval> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let wasDown = false;
    let lastRefresh = 0;

    const refresh = () => {
      if (pending) return;
      pending = setTimeout(
        () => {
          pending = undefined;
          lastRefresh = Date.now();
          router.refresh();
        },
        Math.max(COALESCE_MS, lastRefresh + MIN_GAP_MS - Date.now()),
      );
    };
    const startPolling = () => {
      poll ??= setInterval(() => router.refresh(), POLL_MS);
    };
    const stopPolling = () => {
      clearInterval(poll);
      poll = undefined;
    };
    const connect = () => {
      source = new EventSource('/api/live');
      source.onopen = () => {
        setInfo((i) => ({ ...i, state: 'live' }));
        stopPolling();
        // Whatever happened while the stream was down was not announced to us.
        if (wasDown) refresh();
        wasDown = false;
      };
      source.addEventListener('change', refresh);
      source.addEventListener('snapshot', (e) => {
        const { staleSince } = JSON.parse((e as MessageEvent<string>).data) as { staleSince: string | null };
        setInfo((i) => {
          if (i.staleSince && !staleSince) refresh();
          return { ...i, staleSince };
        });
      });
      source.onerror = () => {
        wasDown = true;
        setInfo((i) => ({ ...i, state: 'reconnecting' }));
        startPolling();
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
      stopPolling();
    };
  }, [router]);

  return <LiveContext value={info}>{children}</LiveContext>;
}

/** The page's live state, from the nearest LiveProvider. */
export function useLive(): LiveInfo {
  return useContext(LiveContext);
}
