import { parseReportQuery } from '@/lib/domain/uptime-periods';
import { parseHistoryQuery } from '@/lib/services/get-history-page';
import { splitLocale } from '@/lib/i18n/paths';
import type { PublicPageIndex } from '@/lib/services/get-public-page-index';

/** What a public page request is, for the snapshot layer. */
export type PageKey =
  /** A page that exists: its normalised path and query, the key of its rendered copy. */
  | { kind: 'page'; key: string }
  /** A parameter naming nothing: the 404 page, from memory. */
  | { kind: 'not-found'; page: 'page' | 'incident'; locale?: string };

const INCIDENT = /^\/incidents\/([^/]+)$/;
const COMPONENT = /^\/components\/([^/]+)$/;
/** The report's key for parameters that name nothing: its page renders the 404 that says which fields to check. */
export const UPTIME_INVALID_KEY = '/uptime?period=invalid';
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
 * `/components/<id>`, `/uptime?…`, `/subscribe`, `/api`), a 404 when its parameters name nothing in `index`, or undefined for a
 * path the snapshot layer leaves to Next. Query strings other than history's never make new keys.
 */
export function pageKeyFor(pathname: string, searchParams: URLSearchParams, index: PublicPageIndex): PageKey | undefined {
  const { locale, rest } = splitLocale(pathname);
  if (!locale) return unprefixedKey(pathname, searchParams, index);
  // Each language is its own set of pages, rendered on first request like the parameterised ones.
  if (rest === '/') return { kind: 'page', key: `/${locale}` };
  const key = unprefixedKey(rest, searchParams, index);
  if (!key) return undefined;
  return key.kind === 'page' ? { kind: 'page', key: `/${locale}${key.key}` } : { ...key, locale };
}

function unprefixedKey(pathname: string, searchParams: URLSearchParams, index: PublicPageIndex): PageKey | undefined {
  if (PLAIN.has(pathname)) return { kind: 'page', key: pathname };
  if (pathname === '/history') {
    const { page, component, key } = historyQuery(searchParams.get('page'), searchParams.get('component'));
    const pages = component ? index.historyPagesByComponent.get(component) : index.historyPages;
    if (pages === undefined || page > pages) return { kind: 'not-found', page: 'page' };
    return { kind: 'page', key };
  }
  if (pathname === '/uptime') return uptimeKey(searchParams, index);
  const component = COMPONENT.exec(pathname);
  if (component) {
    const id = decoded(component[1]!);
    const known = id !== null && (index.historyPagesByComponent.has(id) || index.groupIds?.has(id) === true);
    return known ? { kind: 'page', key: `/components/${id}` } : { kind: 'not-found', page: 'page' };
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

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The SLA report's normalised key; bad parameters (or a component not on the page) share one 404 key. */
function uptimeKey(searchParams: URLSearchParams, index: PublicPageIndex): PageKey {
  const query = parseReportQuery(
    { component: searchParams.getAll('component'), period: searchParams.get('period'), from: searchParams.get('from'), to: searchParams.get('to') },
    new Date(),
    index.timeZone,
  );
  if (!('key' in query) || query.componentIds.some((id) => !index.historyPagesByComponent.has(id))) return { kind: 'page', key: UPTIME_INVALID_KEY };
  return { kind: 'page', key: query.key };
}
