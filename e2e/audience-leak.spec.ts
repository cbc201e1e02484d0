import Database from '@/lib/db/sqlite-driver';
import { expect, test } from '@playwright/test';
import { V2_PATHS } from '../lib/domain/statuspage/documents';
import { PAGE_DOC } from '../lib/snapshot/page-document-types';
import { appPages, routeHandlers } from './support/app-routes';
import { BASE_PORT } from './support/beacon-server';

/** The e2e server's database (playwright.config.ts), read for what the demo made private. */
const DB_FILE = `data/e2e-${BASE_PORT}.db`;

interface Secrets {
  componentIds: string[];
  incidentIds: string[];
  noticeCount: number;
  fileIds: string[];
  postmortemSentences: string[];
  postmortemIncidentIds: string[];
  /** Names and ids no anonymous response may contain. */
  needles: string[];
}

function privateData(): Secrets {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    const components = db.prepare('select c.id, c.name from components c join audience_components a on a.component_id = c.id').all() as { id: string; name: string }[];
    const incidents = db.prepare('select i.id, i.name from incidents i join audience_incidents a on a.incident_id = i.id').all() as { id: string; name: string }[];
    const audiences = db.prepare('select id, name from audiences').all() as { id: string; name: string }[];
    // Early notices (part 4): their ids, titles and messages are for their audiences only, unless
    // the notice was sent with an incident that is public (the composer's checkbox): then its words are public too.
    const notices = db
      .prepare('select id, title, body, incident_id is not null and incident_id not in (select incident_id from audience_incidents) as public from notices')
      .all() as { id: string; title: string; body: string; public: number }[];
    // Incident files (part 5) are never public: neither their names nor their ids.
    const files = db.prepare('select id, name from incident_files').all() as { id: string; name: string }[];
    // A postmortem for some support levels only: each of its plain sentences (markdown renders the rest differently).
    const postmortems = db.prepare("select id, postmortem_body as body from incidents where postmortem_visibility <> 'everyone' and postmortem_body is not null").all() as { id: string; body: string }[];
    const sentences = postmortems.flatMap((p) => p.body.split('\n').filter((line) => line.length > 30 && !/[#*_`[\]<>&]/.test(line)));
    return {
      componentIds: components.map((c) => c.id),
      incidentIds: incidents.map((i) => i.id),
      noticeCount: notices.filter((n) => !n.public).length,
      fileIds: files.map((f) => f.id),
      postmortemSentences: sentences,
      // Public incidents whose pages must leave the postmortem out.
      postmortemIncidentIds: postmortems.map((p) => p.id),
      needles: [
        ...[...components, ...incidents, ...audiences, ...files].flatMap((r) => [r.id, r.name]),
        ...notices.flatMap((n) => (n.public ? [n.id] : [n.id, n.title, n.body.slice(0, 60)])),
        ...sentences,
      ],
    };
  } finally {
    db.close();
  }
}

/** Paths no anonymous reader needs to open for this check: the console, the manage API, the stream. */
const NOT_PUBLIC = /^\/(admin|api\/v1|api\/live|api\/metrics)(\/|$)/;

/**
 * Every public URL of the route tree (pages, route handlers, the v2 documents, feeds, badges,
 * page documents, the 404 page), with the dynamic segments filled by public and by private ids.
 */
function publicUrls(pageId: string, s: Secrets, publicComponent: string, publicIncident: string): string[] {
  const fills = (url: string, segment: RegExp, ids: string[]) => (segment.test(url) ? ids.map((id) => url.replace(segment, id)) : [url]);
  const routes = [...appPages(pageId), ...routeHandlers(pageId).filter((h) => h.methods.includes('GET'))].map((r) => r.url).filter((u) => !NOT_PUBLIC.test(u));
  const urls = routes.flatMap((url) => {
    if (url.startsWith('/api/v2/')) return V2_PATHS.map((p) => `/api/v2/${p}`);
    if (url.startsWith('/incidents/')) return fills(url, /abcdefghijkl/, [publicIncident, ...s.postmortemIncidentIds, ...s.incidentIds]);
    if (url.startsWith('/components/')) return fills(url, /abcdefghijkl/, [publicComponent, ...s.componentIds]);
    if (url.startsWith('/api/files/')) return fills(url, /abcdefghijkl/, s.fileIds);
    return [url];
  });
  return [
    ...new Set([
      ...urls,
      ...s.componentIds.flatMap((id) => [`/badge.svg?component=${id}`, `/history?component=${id}`, `/uptime?components=${id}`]),
      `/badge.svg?component=${publicComponent}`,
      PAGE_DOC.overview,
      PAGE_DOC.history,
      ...[publicIncident, ...s.postmortemIncidentIds, ...s.incidentIds].map((id) => PAGE_DOC.incident(id)),
      '/no-such-page-for-the-leak-test',
    ]),
  ];
}

test.describe('private components, incidents and postmortems stay private', () => {
  test('no anonymous public URL contains a private name or id', async ({ request }) => {
    const secrets = privateData();
    // The demo must have made something private, or this test proves nothing.
    expect(secrets.componentIds.length).toBeGreaterThanOrEqual(2);
    expect(secrets.incidentIds.length).toBeGreaterThanOrEqual(1);
    expect(secrets.noticeCount).toBeGreaterThanOrEqual(1);
    expect(secrets.fileIds.length).toBeGreaterThanOrEqual(1);
    expect(secrets.postmortemSentences.length).toBeGreaterThanOrEqual(2);
    const summary = await (await request.get('/api/v2/summary.json')).json();
    const incidents = await (await request.get('/api/v2/incidents.json')).json();
    const urls = publicUrls(summary.page.id, secrets, summary.components[0].id, incidents.incidents[0].id);
    expect(urls.length).toBeGreaterThan(25);

    const leaks: string[] = [];
    for (const url of urls) {
      const res = await request.get(url, { maxRedirects: 0 });
      expect(res.status(), url).toBeLessThan(500);
      const body = await res.text();
      // An id the URL itself carries may be echoed back ("not a component of this page"): that tells nothing.
      for (const needle of secrets.needles) if (!url.includes(needle) && body.includes(needle)) leaks.push(`${url} contains "${needle}"`);
    }
    expect(leaks).toEqual([]);
    // A private incident's and component's pages are 404s, as for an id that never existed.
    expect((await request.get(`/incidents/${secrets.incidentIds[0]}`)).status()).toBe(404);
    expect((await request.get(`/components/${secrets.componentIds[0]}`)).status()).toBe(404);
    // A file's download URL without a signed link, or with a forged one, is refused and carries no byte of the file.
    const bare = await request.get(`/api/files/${secrets.fileIds[0]}`);
    expect(bare.status()).toBe(422);
    const forged = await request.get(`/api/files/${secrets.fileIds[0]}?member=abcdefghijkl&expires=${2 ** 33}&signature=${'A'.repeat(43)}`);
    expect(forged.status()).toBe(403);
    for (const res of [bare, forged]) expect(res.headers()['content-disposition']).toBeUndefined();
  });
});
