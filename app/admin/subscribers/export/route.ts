import { requireOperator } from '@/lib/auth/require-operator';
import { listSubscribers, subscribersCsv, SubscriberFilter } from '@/lib/services/admin-subscribers';
import { requestContext } from '@/lib/services/context';

export const dynamic = 'force-dynamic';

/** CSV export of the subscribers matching the console's filter. */
export async function GET(request: Request) {
  await requireOperator('responder');
  const params = new URL(request.url).searchParams;
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const parsed = SubscriberFilter.safeParse({ q: get('q'), kind: get('kind'), state: get('state'), componentId: get('component') });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = { componentId: 'component' }[String(issue.path[0])] ?? String(issue.path[0]);
    return Response.json({ error: { code: 'invalid_input', message: `${field} ${issue.message}`, fields: { [field]: issue.message } } }, { status: 400 });
  }
  const ctx = await requestContext();
  const { items } = await listSubscribers(ctx.db, parsed.data, 100_000);
  return new Response(subscribersCsv(items), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="subscribers-${ctx.now().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
