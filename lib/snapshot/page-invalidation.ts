import { historyPageOf } from '@/lib/domain/history-pages';
import type { LiveEvent } from '@/lib/live/live-event';
import { MONTHS_PER_PAGE } from '@/lib/services/get-history-page';
import type { PublicPageIndex } from '@/lib/services/get-public-page-index';
import { splitLocale } from '@/lib/i18n/paths';
import { scopeOf, type ChangeScope } from '@/lib/snapshot/change-scope';
import type { PageCache } from '@/lib/snapshot/page-cache';
import type { SnapshotStore } from '@/lib/snapshot/store';

/**
 * Which cached pages a change touched: every page for a change of everything; for incidents,
 * their own pages and the history pages listing them (any component filter). An incident the
 * index does not know (just opened) or one on the last history page (which moves the page count
 * and the "older" links) drops every history page. Component pages and the SLA report go with
 * every change (component statuses and incidents both show there).
 */
export function pagesTouched(scope: ChangeScope, index: PublicPageIndex | null, now: Date): ((key: string) => boolean) | undefined {
  if (scope.all || !index) return undefined;
  const own = new Set([...scope.incidents].map((id) => `/incidents/${id}`));
  let history: Set<number> | null = new Set();
  for (const id of scope.incidents) {
    const startedAt = index.incidentStarts.get(id);
    const page = startedAt === undefined ? null : historyPageOf(now, index.timeZone, startedAt, MONTHS_PER_PAGE);
    if (page === null || page >= index.historyPages) {
      history = null;
      break;
    }
    history.add(page);
  }
  return (prefixed) => {
    // A language's copy goes with the page; its home (`/de`) with every change, like `/`.
    const { locale, rest: key } = splitLocale(prefixed);
    if (locale && key === '/') return true;
    if (own.has(key) || showsUptime(key)) return true;
    if (key !== '/history' && !key.startsWith('/history?')) return false;
    return history === null || history.has(Number(new URLSearchParams(key.slice('/history'.length)).get('page') ?? 1));
  };
}

/** Component pages and SLA reports show statuses, incidents and uptime: any change may move them. */
function showsUptime(key: string): boolean {
  return key.startsWith('/components/') || key === '/uptime' || key.startsWith('/uptime?');
}

/**
 * Drops the cached pages a live event touched: where they were listed before the change (now),
 * and where they are listed after it, once the rebuild has read the new data (a backdated
 * incident or moved maintenance window lands on another history page).
 */
export function dropTouchedPages(cache: PageCache, store: SnapshotStore, event: LiveEvent): void {
  const scope = scopeOf(event);
  const before = pagesTouched(scope, store.pageIndex(), new Date());
  if (!before) {
    cache.invalidate();
    return;
  }
  cache.invalidate(before);
  if (scope.incidents.size === 0) return;
  // A rebuild under way when the event came may have read the data from before it: wait for
  // the one that follows.
  const afterRebuilds = (): Promise<void> =>
    store.pending()
      ? store.nextBuild().then(afterRebuilds)
      : Promise.resolve(cache.invalidate(pagesTouched(scope, store.pageIndex(), new Date())));
  void afterRebuilds();
}
