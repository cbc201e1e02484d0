import { getEnv } from '@/lib/env';
import { clientAddressOf } from '@/lib/http/client-address';
import { LIVE_RETRY_AFTER_SECONDS, admitLiveConnection } from '@/lib/live/connection-cap';
import { onLive, onSettled } from '@/lib/live/hub';
import { sseStream } from '@/lib/live/sse';
import { snapshotState } from '@/lib/snapshot/store';
import type { LiveEvent } from '@/lib/live/live-event';
import { publicLiveEvent } from '@/lib/services/public-live-event';

export const dynamic = 'force-dynamic';

/**
 * Server-sent events: one `change` event per change (sent once the snapshot shows it), and a heartbeat comment so proxies keep it
 * open. At most BEACON_LIVE_MAX_PER_ADDRESS streams per client address (else 429) and
 * BEACON_LIVE_MAX_CONNECTIONS per instance (else 503), each place given back when its stream closes.
 */
export function GET(request: Request): Response {
  const env = getEnv();
  const admission = admitLiveConnection(clientAddressOf(request.headers), {
    perAddress: env.BEACON_LIVE_MAX_PER_ADDRESS,
    total: env.BEACON_LIVE_MAX_CONNECTIONS,
  });
  if (!admission.admitted) {
    const code = admission.status === 429 ? 'too_many_connections' : 'live_full';
    return Response.json(
      { error: { code, message: admission.message } },
      { status: admission.status, headers: { 'retry-after': String(LIVE_RETRY_AFTER_SECONDS), 'cache-control': 'no-store' } },
    );
  }
  if (request.signal.aborted) {
    admission.release();
    return new Response(null, { status: 499 });
  }
  // Behind the snapshot store a change is announced once its documents show it; without one
  // (plain `next dev`), at once.
  const source = snapshotState() ? onSettled : onLive;
  // Private incidents' ids never reach the public stream (issue #16).
  const publicSource = (listener: (event: LiveEvent) => void) => source((event) => void publicLiveEvent(event).then(listener));
  const body = sseStream(request.signal, publicSource, {
    staleSince: () => {
      const state = snapshotState();
      return state?.degradedSince ? state.builtAt : null;
    },
    onClose: admission.release,
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
