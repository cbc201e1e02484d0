import { onLive } from '@/lib/live/hub';
import { sseStream } from '@/lib/live/sse';

export const dynamic = 'force-dynamic';

/** Server-sent events: one `change` event per change, and a heartbeat comment so proxies keep it open. */
export function GET(request: Request): Response {
  return new Response(sseStream(request.signal, onLive), {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
