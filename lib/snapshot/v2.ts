import { CACHE_POLICY, CORS_HEADERS } from '@/lib/snapshot/cache-policy';
import { represent, type Representation } from '@/lib/snapshot/representation';

/** A JSON body with the v2 headers. */
export function v2Representation(doc: object, builtAt?: string): Representation {
  return represent(
    JSON.stringify(doc),
    { 'content-type': 'application/json; charset=utf-8', 'cache-control': CACHE_POLICY.api, ...CORS_HEADERS },
    { builtAt },
  );
}
