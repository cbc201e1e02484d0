import { getDb } from '@/lib/db';
import { healthReport } from '@/lib/live/health';
import { expansionBacklog } from '@/lib/notify/expand';
import { requestContext } from '@/lib/services/context';
import { getJobStatus } from '@/lib/services/get-job-status';

export const dynamic = 'force-dynamic';

/** For load balancers: 200 when this instance can serve live data, 503 when degraded. */
export async function GET(): Promise<Response> {
  const now = new Date();
  const report = await healthReport(now);
  // Alert events committed but not yet expanded into per-subscriber rows.
  const expansion = report.database.ok ? await expansionBacklog((await getDb()).kysely, now).catch(() => undefined) : undefined;
  if (expansion) Object.assign(report.worker, { expansionWaiting: expansion.waiting, expansionOldestSeconds: expansion.oldestAgeSeconds });
  // Scheduler and retention: who holds each lease, until when, and this instance's last tick.
  const jobs = await requestContext().then((ctx) => getJobStatus({ ctx })).catch(() => []);
  return Response.json({ ...report, jobs }, { status: report.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
