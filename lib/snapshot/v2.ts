import { CACHE_POLICY, CORS_HEADERS } from '@/lib/snapshot/cache-policy';
import { represent, type Representation } from '@/lib/snapshot/representation';

/** A JSON body with the v2 headers. */
export function v2Representation(doc: object, builtAt?: string, status = 200): Representation {
  return represent(
    JSON.stringify(doc),
    { 'content-type': 'application/json; charset=utf-8', 'cache-control': CACHE_POLICY.api, ...CORS_HEADERS },
    { builtAt, status },
  );
}

/** The one 404 of every snapshotted path that names nothing (v2 documents, badges), built once. */
export const V2_NOT_FOUND: Representation = v2Representation({ error: { code: 'not_found', message: 'Not found' } }, undefined, 404);
