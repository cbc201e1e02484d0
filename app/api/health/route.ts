import { healthReport } from '@/lib/live/health';
import { requestContext } from '@/lib/services/context';
import { getJobStatus } from '@/lib/services/get-job-status';

export const dynamic = 'force-dynamic';

/** For load balancers: 200 when this instance can serve live data, 503 when degraded. */
export async function GET(): Promise<Response> {
  const report = await healthReport(new Date());
  // Scheduler and retention: who holds each lease, until when, and this instance's last tick.
  const jobs = await requestContext().then((ctx) => getJobStatus({ ctx })).catch(() => []);
  return Response.json({ ...report, jobs }, { status: report.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
