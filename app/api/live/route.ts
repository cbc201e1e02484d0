import { onLive } from '@/lib/live/hub';
import { sseStream } from '@/lib/live/sse';
import { snapshotState } from '@/lib/snapshot/store';

export const dynamic = 'force-dynamic';

/** Server-sent events: one `change` event per change, and a heartbeat comment so proxies keep it open. */
export function GET(request: Request): Response {
  return new Response(sseStream(request.signal, onLive, {
      staleSince: () => {
        const state = snapshotState();
        return state?.degradedSince ? state.builtAt : null;
      },
    }), {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
