import { timingSafeEqual } from 'node:crypto';
import { getEnv } from '@/lib/env';
import { liveListenerCount } from '@/lib/live/hub';
import { metrics } from '@/lib/metrics/registry';
import { expansionBacklog } from '@/lib/notify/expand';
import { requestContext } from '@/lib/services/context';
import { getJobStatus } from '@/lib/services/get-job-status';
import { getOperationalMetrics } from '@/lib/services/get-operational-metrics';

export const dynamic = 'force-dynamic';

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus metrics: requests and latency by route, outbox backlog and oldest pending age,
 * deliveries by result, live clients. Off (404) unless BEACON_METRICS_TOKEN is set; then it
 * wants `Authorization: Bearer <token>`.
 */
export async function GET(request: Request) {
  const token = getEnv().BEACON_METRICS_TOKEN;
  if (!token) return Response.json({ error: { code: 'not_found', message: 'Metrics are off: set BEACON_METRICS_TOKEN' } }, { status: 404 });
  const given = (request.headers.get('authorization') ?? '').replace(/^Bearer\s+/i, '');
  if (!tokenMatches(given, token)) {
    return Response.json({ error: { code: 'unauthorized', message: 'A valid metrics token is required' } }, { status: 401 });
  }
  const ctx = await requestContext();
  const ops = await getOperationalMetrics({ ctx });
  const jobs = await getJobStatus({ ctx });
  const expansion = await expansionBacklog(ctx.db, ctx.now());
  const lines = [
    '# HELP beacon_outbox_backlog Alerts waiting to be delivered',
    '# TYPE beacon_outbox_backlog gauge',
    `beacon_outbox_backlog ${ops.outboxBacklog}`,
    '# HELP beacon_outbox_oldest_pending_seconds Age of the oldest undelivered alert',
    '# TYPE beacon_outbox_oldest_pending_seconds gauge',
    `beacon_outbox_oldest_pending_seconds ${ops.oldestPendingSeconds.toFixed(3)}`,
    '# HELP beacon_alert_events_unexpanded Alert events waiting to be expanded into per-subscriber rows',
    '# TYPE beacon_alert_events_unexpanded gauge',
    `beacon_alert_events_unexpanded ${expansion.waiting}`,
    '# HELP beacon_alert_events_oldest_unexpanded_seconds Age of the oldest alert event not yet fully expanded',
    '# TYPE beacon_alert_events_oldest_unexpanded_seconds gauge',
    `beacon_alert_events_oldest_unexpanded_seconds ${(expansion.oldestAgeSeconds ?? 0).toFixed(3)}`,
    '# HELP beacon_deliveries Alerts by state and channel',
    '# TYPE beacon_deliveries gauge',
    ...ops.deliveries.map((d) => `beacon_deliveries{state="${d.state}",channel="${d.channel}"} ${d.count}`),
    '# HELP beacon_live_clients Browsers connected to the live stream in this process',
    '# TYPE beacon_live_clients gauge',
    `beacon_live_clients ${liveListenerCount()}`,
    '# HELP beacon_job_lease_expires_seconds When the lease of a run-once job runs out, by holder instance, as a Unix time',
    '# TYPE beacon_job_lease_expires_seconds gauge',
    ...jobs.filter((j) => j.holder).map((j) => `beacon_job_lease_expires_seconds{job="${j.name}",holder="${j.holder}"} ${Date.parse(j.leaseUntil!) / 1000}`),
  ];
  const body = `${await metrics().registry.metrics()}\n${lines.join('\n')}\n`;
  return new Response(body, { headers: { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' } });
}
