import { readVisibilityIndex } from '@/lib/db/queries/visibility';
import type { DbOrTx } from '@/lib/db/transaction';
import { PUBLIC_VIEWER, SEE_EVERYTHING, sightOf, type Sight, type Viewer } from '@/lib/domain/visibility';

/**
 * What `viewer` may see, read once per request or rebuild. Public readers are the default, so a
 * caller that forgets to say who reads gets the anonymous view, never the private one.
 */
export async function loadSight(db: DbOrTx, viewer: Viewer = PUBLIC_VIEWER): Promise<Sight> {
  if (viewer.kind === 'everything') return SEE_EVERYTHING;
  return sightOf(await readVisibilityIndex(db), viewer);
}
