import { unstable_rethrow } from 'next/navigation';
import { operatorActor, requireOperator } from '@/lib/auth/require-operator';
import { isSameOrigin } from '@/lib/auth/same-origin';
import { jsonErrorResponse } from '@/lib/http/error-response';
import { attachIncidentFile } from '@/lib/services/attach-incident-file';
import { requestContext } from '@/lib/services/context';
import { BadRequestError, ServiceError } from '@/lib/services/errors';

export const dynamic = 'force-dynamic';

/**
 * Uploads a file to an incident from the console: multipart/form-data with `file`, and
 * `visibility` = `incident` (the incident's audiences) or `audiences` with `audienceIds`. A route
 * handler, not a server action, so a 20 MB body is not held to the server actions' 1 MB (the
 * custom server lets only multipart bodies to this path past it: lib/http/body-limit.ts).
 */
export async function POST(request: Request, { params }: RouteContext<'/admin/incidents/[id]/files'>) {
  try {
    if (!isSameOrigin(request.headers)) throw new ServiceError('cross_origin', 'This request did not come from this site', 403);
    const operator = await requireOperator('responder');
    const form = await request.formData().catch(() => undefined);
    const file = form?.get('file');
    if (!form || !(file instanceof File)) throw new BadRequestError('file: send the file as multipart/form-data in a field named "file"', 'invalid_body', { file: 'is required' });
    const chosen = form.get('visibility') === 'audiences';
    const audienceIds = chosen ? form.getAll('audienceIds').filter((v): v is string => typeof v === 'string') : undefined;
    const ctx = await requestContext(operatorActor(operator));
    const record = await attachIncidentFile({ ctx, input: { incidentId: (await params).id, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), audienceIds } });
    return Response.json({ file: record }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    // requireOperator's redirect and forbidden() are Next's to answer.
    unstable_rethrow(error);
    return jsonErrorResponse(error);
  }
}
