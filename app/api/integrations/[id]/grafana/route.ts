import { serveAlertWebhook } from '@/app/api/integrations/_lib/serve-alert-webhook';
import { requestContext } from '@/lib/services/context';

export const dynamic = 'force-dynamic';

/** POST /api/integrations/<id>/grafana: a webhook, authenticated with the integration's secret. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return serveAlertWebhook(request, (await params).id, 'grafana', await requestContext());
}
