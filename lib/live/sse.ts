import type { LiveEvent } from '@/lib/live/live-event';

/** Heartbeat period: under the usual 30–60 s idle timeouts of proxies and load balancers. */
export const HEARTBEAT_MS = 15_000;

let nextId = 0;

/** Formats one SSE message. */
export function sseMessage(event: string, data: unknown): string {
  return `id: ${++nextId}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** An SSE body that relays live events until the client goes away; `onClose` runs once when it does. */
export function sseStream(
  signal: AbortSignal,
  subscribe: (listener: (event: LiveEvent) => void) => () => void,
  opts: { heartbeatMs?: number; staleSince?: () => string | null; onClose?: () => void } = {},
): ReadableStream<Uint8Array> {
  const heartbeatMs = opts.heartbeatMs ?? HEARTBEAT_MS;
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      // Tell EventSource how soon to reconnect, and open the stream at once.
      send(`retry: 2000\n${sseMessage('ready', { at: new Date().toISOString() })}`);
      const unsubscribe = subscribe((event) => send(sseMessage('change', event)));
      const heartbeat = setInterval(() => send(`: heartbeat ${new Date().toISOString()}\n\n`), heartbeatMs);
      // Whether the server is answering from a stale snapshot: sent now and whenever it changes.
      let stale: string | null | undefined;
      const checkStale = () => {
        const now = opts.staleSince?.() ?? null;
        if (now !== stale) send(sseMessage('snapshot', { staleSince: now }));
        stale = now;
      };
      checkStale();
      const staleTimer = setInterval(checkStale, 1_000);
      let closed = false;
      cleanup = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearInterval(staleTimer);
        opts.onClose?.();
      };
      signal.addEventListener('abort', () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      cleanup();
    },
  });
}
