'use client';

import { useEffect, useRef } from 'react';
import useSWR from 'swr';
import { useLiveSignal } from '@/components/live/live-context';

/** How often the documents are read while the stream is down. */
export const POLL_MS = 10_000;

async function fetchDoc<T>(url: string): Promise<T> {
  // Revalidate with the server (ETag → 304) rather than trust the browser cache's copy.
  const res = await fetch(url, { cache: 'no-cache', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

/**
 * A page document (lib/snapshot/page-document-types.ts) kept current by SWR: it starts from what
 * the server rendered (`fallback`), is read again on each change the live stream announces, and
 * polls while the stream is down. A null key keeps `fallback` as it is (a page with nothing live).
 */
export function useLiveDoc<T>(key: string | null, fallback: T): T {
  const { state, onRevalidate } = useLiveSignal();
  const { data, mutate } = useSWR<T>(key, fetchDoc, {
    fallbackData: fallback,
    // The server rendered this very document; reading it again on load would only double the traffic.
    revalidateOnMount: false,
    revalidateOnFocus: false,
    revalidateOnReconnect: false,
    // A document outside the live set (an old incident) is a 404: the page keeps what it shows.
    shouldRetryOnError: false,
    refreshInterval: state === 'reconnecting' ? POLL_MS : 0,
  });
  // A copy cached from an earlier visit (client-side navigation) may be older than the page: read once.
  const cachedOnMount = useRef(data !== fallback);
  useEffect(() => {
    if (key && cachedOnMount.current) void mutate();
  }, [key, mutate]);
  useEffect(() => (key ? onRevalidate(() => void mutate()) : undefined), [key, mutate, onRevalidate]);
  return data ?? fallback;
}
