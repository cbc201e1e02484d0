import { unstable_rethrow } from 'next/navigation';
import { operatorActor, requireOperator } from '@/lib/auth/require-operator';
import { jsonErrorResponse } from '@/lib/http/error-response';
import { PRIVATE_FILE_HEADERS, privateFileResponse, withPrivateFileHeaders } from '@/lib/http/private-file';
import { requestContext } from '@/lib/services/context';
import { readIncidentFile } from '@/lib/services/read-incident-file';

export const dynamic = 'force-dynamic';

/** Downloads one of an incident's files from the console, for a signed-in operator (audited). */
export async function GET(_request: Request, { params }: RouteContext<'/admin/incidents/[id]/files/[fileId]'>) {
  try {
    const operator = await requireOperator('responder');
    const { id, fileId } = await params;
    const ctx = await requestContext(operatorActor(operator));
    return privateFileResponse(await readIncidentFile({ ctx, input: { incidentId: id, fileId } }));
  } catch (error) {
    // requireOperator's redirect to the sign-in page is Next's to answer.
    unstable_rethrow(error);
    return withPrivateFileHeaders(jsonErrorResponse(error));
  }
}

/** A HEAD would count as a download. */
export function HEAD() {
  return new Response(null, { status: 405, headers: { ...PRIVATE_FILE_HEADERS, Allow: 'GET' } });
}
