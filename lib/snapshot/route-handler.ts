import { requestContext } from '@/lib/services/context';
import { toErrorResponse } from '@/lib/services/errors';
import { buildPublicSet, type PublicKey } from '@/lib/snapshot/public-set';
export { badgeKey } from '@/lib/snapshot/public-set';
import { V2_PATHS } from '@/lib/domain/statuspage/documents';
import { V2_NOT_FOUND, v2Representation } from '@/lib/snapshot/v2';
import { toWebResponse } from '@/lib/snapshot/web-response';

/**
 * Answers one key of the public set through Next (development, or a request the custom server
 * did not take): same bytes and headers as the snapshot, built on demand.
 */
export async function servePublicKey(request: Request, key: PublicKey): Promise<Response> {
  // A v2 document that no build has is a 404 without reading anything.
  if (key.startsWith('/api/v2/') && !(V2_PATHS as readonly string[]).includes(key.slice('/api/v2/'.length))) {
    return toWebResponse(request, V2_NOT_FOUND, 404);
  }
  try {
    const rep = (await buildPublicSet(await requestContext())).get(key);
    if (!rep) return toWebResponse(request, V2_NOT_FOUND, 404);
    return toWebResponse(request, rep);
  } catch (error) {
    const { status, body } = toErrorResponse(error);
    return toWebResponse(request, v2Representation(body), status);
  }
}
