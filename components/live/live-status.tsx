'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

type LiveState = 'connecting' | 'live' | 'reconnecting';

/** How often the page re-reads itself while the stream is down. */
const POLL_MS = 30_000;
/** Events within this window are coalesced into one refresh (update storms). */
const COALESCE_MS = 150;

const LABEL: Record<LiveState, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };
const DOT: Record<LiveState, string> = {
  connecting: 'bg-neutral-400',
  live: 'bg-emerald-500',
  reconnecting: 'bg-amber-500 animate-pulse',
};

/**
 * Keeps the page current: listens to /api/live and re-renders the server components on each
 * change; while the stream is down it polls instead, and says so.
 */
export function LiveStatus() {
  const router = useRouter();
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    let source: EventSource | null = null;
    let pending: ReturnType<typeof setTimeout> | undefined;
    let poll: ReturnType<typeof setInterval> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let wasDown = false;

    const refresh = () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = undefined;
        router.refresh();
      }, COALESCE_MS);
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
        setState('live');
        stopPolling();
        // Whatever happened while the stream was down was not announced to us.
        if (wasDown) refresh();
        wasDown = false;
      };
      source.addEventListener('change', refresh);
      source.onerror = () => {
        wasDown = true;
        setState('reconnecting');
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

  return (
    <span role="status" aria-live="polite" data-live-state={state} className="inline-flex items-center gap-1.5">
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${DOT[state]}`} />
      {LABEL[state]}
    </span>
  );
}
