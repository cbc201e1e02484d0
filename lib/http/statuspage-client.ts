/** What reading a page produced: where from, and its documents as the importer takes them. */
export interface StatuspageRead {
  source: string;
  documents: { page: unknown; components: unknown[]; incidents: unknown[]; scheduled_maintenances: unknown[] };
  /** With a manage API key: the page's subscribers (active ones), templates, and how many are inactive. */
  manage?: { subscribers: unknown[]; incident_templates: unknown[]; inactive: { unconfirmed: number; quarantined: number; unsubscribed: number } };
}

type Fetch = typeof fetch;

/** The page's base URL: a page may be given as its home or as any of its v2 documents. */
export function pageBase(pageUrl: string): string {
  const url = new URL(pageUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${pageUrl} is not an http(s) URL`);
  const path = url.pathname.replace(/\/api\/v2(\/.*)?$/, '').replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

/** A GET that names the URL when it fails (fetch alone says only "fetch failed"). */
async function get(fetcher: Fetch, url: string, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetcher(url, { headers: { accept: 'application/json', 'user-agent': 'Beacon-Import/1.0', ...headers }, redirect: 'follow' });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    throw new Error(`Could not read ${url}: ${cause?.message ?? (error as Error).message}`);
  }
}

async function getJson(fetcher: Fetch, url: string, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const res = await get(fetcher, url, headers);
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status} ${res.statusText}`.trim());
  const body = (await res.json()) as unknown;
  if (typeof body !== 'object' || body === null) throw new Error(`GET ${url} did not answer a JSON object`);
  return body as Record<string, unknown>;
}

const byId = (lists: unknown[][]) => [...new Map(lists.flat().map((x) => [(x as { id: string }).id, x])).values()];

/**
 * Reads a Statuspage-compatible page's public v2 API: summary, components, incidents and
 * scheduled maintenances. The public lists hold the 50 most recent of each; given a manage API
 * key, every incident is read from the manage API (`GET /v1/pages/{id}/incidents`, page by page).
 */
export async function readStatuspage(
  pageUrl: string,
  opts: { apiKey?: string; apiBase?: string; fetch?: Fetch } = {},
): Promise<StatuspageRead> {
  const fetcher = opts.fetch ?? fetch;
  const base = pageBase(pageUrl);
  const v2 = (path: string) => getJson(fetcher, `${base}/api/v2/${path}`);
  const [summary, components, incidents, maintenance] = await Promise.all([
    v2('summary.json'),
    v2('components.json'),
    v2('incidents.json'),
    v2('scheduled-maintenances.json'),
  ]);
  const list = (doc: Record<string, unknown>, key: string) => (Array.isArray(doc[key]) ? (doc[key] as unknown[]) : []);
  let allIncidents = byId([list(incidents, 'incidents'), list(summary, 'incidents')]);
  let allMaintenance = byId([list(maintenance, 'scheduled_maintenances'), list(summary, 'scheduled_maintenances')]);

  let manage: StatuspageRead['manage'];
  if (opts.apiKey) {
    const pageId = (summary.page as { id?: string } | undefined)?.id;
    if (!pageId) throw new Error(`${base}/api/v2/summary.json names no page id`);
    const api = (opts.apiBase ?? 'https://api.statuspage.io/v1').replace(/\/+$/, '');
    const everything: unknown[] = [];
    for (let page = 1; page <= 1000; page++) {
      const res = await get(fetcher, `${api}/pages/${pageId}/incidents?page=${page}&per_page=100`, { authorization: `OAuth ${opts.apiKey}` });
      if (!res.ok) throw new Error(`GET ${api}/pages/${pageId}/incidents answered ${res.status} ${res.statusText}`.trim());
      const batch = (await res.json()) as unknown[];
      everything.push(...batch);
      if (batch.length < 100) break;
    }
    // The manage API lists maintenance among incidents: a window makes one.
    const isMaintenance = (i: unknown) => (i as { scheduled_for?: string | null }).scheduled_for != null;
    allIncidents = byId([allIncidents, everything.filter((i) => !isMaintenance(i))]);
    allMaintenance = byId([allMaintenance, everything.filter(isMaintenance)]);
    manage = await readManage(fetcher, `${api}/pages/${pageId}`, { authorization: `OAuth ${opts.apiKey}` });
  }
  return {
    source: base,
    documents: { page: summary.page, components: list(components, 'components'), incidents: allIncidents, scheduled_maintenances: allMaintenance },
    ...(manage ? { manage } : {}),
  };
}

/**
 * Every element of a manage API list, page by page until a short or empty page. Statuspage
 * documents `page` as 0-based for subscribers only and clients disagree, so `firstPage` 0 is
 * read too and repeats (a 1-based server answers page 0 as page 1) are dropped by id.
 */
async function readList(fetcher: Fetch, url: string, headers: Record<string, string>, firstPage = 1): Promise<unknown[]> {
  const seen = new Map<string, unknown>();
  const PER_PAGE = 100;
  for (let page = firstPage; page <= 1000; page++) {
    const sep = url.includes('?') ? '&' : '?';
    const res = await get(fetcher, `${url}${sep}page=${page}&per_page=${PER_PAGE}&limit=${PER_PAGE}`, headers);
    const endpoint = url.replace(/\?.*$/, '');
    if (!res.ok) throw new Error(`GET ${endpoint} answered ${res.status} ${res.statusText}`.trim());
    const batch = (await res.json().catch(() => undefined)) as unknown;
    if (!Array.isArray(batch)) throw new Error(`GET ${endpoint} did not answer a JSON array`);
    const before = seen.size;
    for (const item of batch) seen.set(String((item as { id?: unknown } | null)?.id ?? `#${seen.size}`), item);
    if (batch.length < PER_PAGE || (seen.size === before && page > firstPage + 1)) break;
  }
  return [...seen.values()];
}

/** Subscribers (active ones imported; the others only counted) and incident templates. */
async function readManage(fetcher: Fetch, pageApi: string, headers: Record<string, string>): Promise<NonNullable<StatuspageRead['manage']>> {
  const subscribers = (state: string) => readList(fetcher, `${pageApi}/subscribers?state=${state}`, headers, 0);
  const [active, unconfirmed, quarantined, unsubscribed, templates] = await Promise.all([
    subscribers('active'),
    subscribers('unconfirmed'),
    subscribers('quarantined'),
    readList(fetcher, `${pageApi}/subscribers/unsubscribed`, headers, 0),
    readList(fetcher, `${pageApi}/incident_templates`, headers),
  ]);
  return {
    subscribers: active,
    incident_templates: templates,
    inactive: { unconfirmed: unconfirmed.length, quarantined: quarantined.length, unsubscribed: unsubscribed.length },
  };
}
