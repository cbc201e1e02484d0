import type { PageCache } from '@/lib/snapshot/page-cache';
import { pageKeyFor } from '@/lib/snapshot/page-keys';
import type { Representation } from '@/lib/snapshot/representation';
import { NOT_FOUND_PATHS, type SnapshotStore } from '@/lib/snapshot/store';

/** A snapshot answer: at once on a hit, after the shared render otherwise; null leaves it to Next. */
export type PageAnswer = Representation | Promise<Representation | null> | null | undefined;

/**
 * The answer for a GET of a parameterised public page (incident, history, /subscribe, /api):
 * its rendered copy, or the 404 page when its parameters name nothing; undefined for paths the
 * snapshot layer does not hold. An id that is unknown while a change waits for its rebuild (an
 * incident just opened) is looked up again once that rebuild is done: no request starts one.
 */
export function lookupPage(store: SnapshotStore, cache: PageCache, pathname: string, searchParams: URLSearchParams): PageAnswer {
  const index = store.pageIndex();
  if (!index) return undefined;
  const key = pageKeyFor(pathname, searchParams, index);
  if (!key) return undefined;
  if (key.kind === 'page') return cache.get(key.key);
  // A language's 404 is its own page, rendered once like the others.
  if (key.locale) return cache.get(`/${key.locale}${NOT_FOUND_PATHS[key.page]}`);
  if (!store.pending()) return store.notFoundPage(key.page);
  return store.nextBuild().then(() => {
    const again = pageKeyFor(pathname, searchParams, store.pageIndex() ?? index);
    return again?.kind === 'page' ? cache.get(again.key) : store.notFoundPage(key.page);
  });
}
