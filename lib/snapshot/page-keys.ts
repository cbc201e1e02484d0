import { parseHistoryQuery } from '@/lib/services/get-history-page';
import type { PublicPageIndex } from '@/lib/services/get-public-page-index';

/** What a public page request is, for the snapshot layer. */
export type PageKey =
  /** A page that exists: its normalised path and query, the key of its rendered copy. */
  | { kind: 'page'; key: string }
  /** A parameter naming nothing: the 404 page, from memory. */
  | { kind: 'not-found'; page: 'page' | 'incident' };

const INCIDENT = /^\/incidents\/([^/]+)$/;
/** Pages that take no parameters and are the same for every visitor. */
const PLAIN = new Set(['/subscribe', '/api']);

interface NormalisedHistory {
  page: number;
  component: string | undefined;
  key: string;
}

/** Normalised history parameters by their raw values: a hit then costs a lookup, not a zod parse. */
const historyQueries = new Map<string, NormalisedHistory>();
const HISTORY_QUERIES_KEPT = 1_000;

function historyQuery(rawPage: string | null, rawComponent: string | null): NormalisedHistory {
  const raw = `${rawPage}\u0000${rawComponent}`;
  let found = historyQueries.get(raw);
  if (!found) {
    const { page, component } = parseHistoryQuery({ page: rawPage, component: rawComponent });
    const query = new URLSearchParams();
    if (page > 1) query.set('page', String(page));
    if (component) query.set('component', component);
    const q = query.toString();
    found = { page, component, key: q ? `/history?${q}` : '/history' };
    // Junk parameters cannot grow it without bound: long ones are not kept, and past the cap it
    // starts again.
    if (raw.length > 200) return found;
    if (historyQueries.size >= HISTORY_QUERIES_KEPT) historyQueries.clear();
    historyQueries.set(raw, found);
  }
  return found;
}

/**
 * The normalised key of a snapshot-served page (`/incidents/<id>`, `/history?page=&component=`,
 * `/subscribe`, `/api`), a 404 when its parameters name nothing in `index`, or undefined for a
 * path the snapshot layer leaves to Next. Query strings other than history's never make new keys.
 */
export function pageKeyFor(pathname: string, searchParams: URLSearchParams, index: PublicPageIndex): PageKey | undefined {
  if (PLAIN.has(pathname)) return { kind: 'page', key: pathname };
  if (pathname === '/history') {
    const { page, component, key } = historyQuery(searchParams.get('page'), searchParams.get('component'));
    const pages = component ? index.historyPagesByComponent.get(component) : index.historyPages;
    if (pages === undefined || page > pages) return { kind: 'not-found', page: 'page' };
    return { kind: 'page', key };
  }
  const incident = INCIDENT.exec(pathname);
  if (incident) {
    let id: string;
    try {
      id = decodeURIComponent(incident[1]!);
    } catch {
      return { kind: 'not-found', page: 'incident' };
    }
    return index.incidentStarts.has(id) ? { kind: 'page', key: `/incidents/${id}` } : { kind: 'not-found', page: 'incident' };
  }
  return undefined;
}
