import { requestContext } from '@/lib/services/context';
import { toErrorResponse } from '@/lib/services/errors';
import { buildPublicSet, type PublicKey } from '@/lib/snapshot/public-set';
export { badgeKey } from '@/lib/snapshot/public-set';
import { v2Representation } from '@/lib/snapshot/v2';
import { toWebResponse } from '@/lib/snapshot/web-response';

/**
 * Answers one key of the public set through Next (development, or a request the custom server
 * did not take): same bytes and headers as the snapshot, built on demand.
 */
export async function servePublicKey(request: Request, key: PublicKey): Promise<Response> {
  try {
    const rep = (await buildPublicSet(await requestContext())).get(key);
    if (!rep) return toWebResponse(request, v2Representation({ error: { code: 'not_found', message: 'Not found' } }), 404);
    return toWebResponse(request, rep);
  } catch (error) {
    const { status, body } = toErrorResponse(error);
    return toWebResponse(request, v2Representation(body), status);
  }
}
