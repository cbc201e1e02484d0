import { healthReport } from '@/lib/live/health';

export const dynamic = 'force-dynamic';

/** For load balancers: 200 when this instance can serve live data, 503 when degraded. */
export async function GET(): Promise<Response> {
  const report = await healthReport(new Date());
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
