import { NextResponse } from 'next/server';
import { readBodyWithin } from '@/lib/http/body-limit';
import { jsonErrorResponse } from '@/lib/http/error-response';
import { NOT_JSON, parseJson } from '@/lib/http/parse-body';
import type { ServiceContext } from '@/lib/services/context';
import { BadRequestError, PayloadTooLargeError } from '@/lib/services/errors';
import { receiveAlerts } from '@/lib/services/receive-alerts';

/** The shared body of the Alertmanager and Grafana inbound routes: read within the limit, parse, hand over. */
export async function serveAlertWebhook(request: Request, integrationId: string, kind: 'alertmanager' | 'grafana', ctx: ServiceContext): Promise<Response> {
  try {
    const read = await readBodyWithin(request, new URL(request.url).pathname);
    if (!read.ok) throw new PayloadTooLargeError(read.message);
    const parsed = parseJson(read.text);
    if (!parsed.ok) throw parsed.message === NOT_JSON ? new BadRequestError('The body must be JSON', 'invalid_json') : new BadRequestError(parsed.message);
    const result = await receiveAlerts({ ctx, input: { integrationId, kind, authorization: request.headers.get('authorization'), body: parsed.value } });
    return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return jsonErrorResponse(error);
  }
}
