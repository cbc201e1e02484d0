import type { APIRequestContext, APIResponse, Page } from '@playwright/test';
import { expect, request as playwrightRequest } from '@playwright/test';
import { appPages, queryParamsOf, routeHandlers, serverActions, urlFor } from './app-routes';
import { added, diff, settledFingerprint, type Fingerprint } from './db-fingerprint';
import {
  BAD_UTF8,
  HOSTILE_STRINGS,
  NESTED_BODIES,
  NESTED_FORMS,
  NUL_VALUES,
  PROTOTYPE_FORMS,
  PROTOTYPE_JSON,
  PROTOTYPE_KEYS,
  QUERY_PARAMS,
  TRAVERSAL_SEGMENTS,
  actionArgs,
  brokenJson,
  encodeSegment,
  hostileQuery,
  hostileString,
  notAnObject,
  sample,
  subscriptionBody,
  wrappedBody,
} from './hostile-payloads';

/**
 * Sends malformed, oversized, wrongly typed and injection-laden requests to every route handler
 * and page (from the route tree) and every server action (from the build manifest), as an
 * anonymous caller, with bad credentials, as a responder and as an admin. Every request is
 * invalid by construction (each carries at least one defect no valid request has), so every
 * write must be refused with a 4xx naming the problem, nothing may answer 5xx, and no row of
 * the database may change. Each run has a server to itself, so the rows are its own.
 */
const SEED = 0x6eac0;
const TEN_MB = Buffer.alloc(10 * 1024 * 1024, 'x');
const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];
/** Refused sign-ins with a well-formed email are recorded (two rows: account and address) for the lockout. */
const SIGN_IN_ATTEMPTS = 4;
const FAKE_IP = '198.51.100.77';

interface Probe {
  label: string;
  client: APIRequestContext;
  method: string;
  url: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** What the answer must be: any non-5xx, a refusal (4xx), or exactly this status. */
  expect: 'no5xx' | 'refused' | number;
  /** For a server action: the answer is form state, and a 200 must carry an error. */
  action?: boolean;
  /** A further check of the answer's headers: what is wrong, or undefined. */
  check?: (headers: Record<string, string>) => string | undefined;
}


/** What a run needs: the signed-in pages and a request context of the server under test, and how to read its rows. */
export interface HostileTarget {
  adminPage: Page;
  responderPage: Page;
  request: APIRequestContext;
  baseURL: string;
  fingerprint: () => Promise<Fingerprint>;
  /** Names the database in the log line. */
  label: string;
}

/** Sends the whole corpus to one server and checks: no 5xx, every write refused with a reason, no row changed. */
export async function runHostileInput({ adminPage, responderPage, request, baseURL, fingerprint, label }: HostileTarget): Promise<void> {
  const origin = baseURL;
  const pageId = ((await (await request.get('/api/v2/status.json')).json()) as { page: { id: string } }).page.id;

  // A management API key, made through the console as an admin would (before the fingerprint).
  await adminPage.goto('/admin/api-keys');
  await adminPage.getByLabel('Name').fill('Hostile input test');
  await adminPage.getByRole('button', { name: 'Create key' }).click();
  const key = (await adminPage.getByRole('status').filter({ hasText: 'Copy this key' }).innerText()).match(/bk_[A-Za-z0-9_-]+/)![0];

  const anonymous = await playwrightRequest.newContext({ baseURL: origin });
  const badCookie = await playwrightRequest.newContext({
    baseURL: origin,
    extraHTTPHeaders: { Cookie: `beacon_session=${'A'.repeat(43)}; beacon_session=../../etc/passwd` },
  });
  const clients = { anonymous, badCookie, responder: responderPage.request, admin: adminPage.request };

  // The hand-kept list plus every parameter some route or page reads (from the sources).
  const queryParams = [...new Set([...QUERY_PARAMS, ...[...routeHandlers(pageId), ...appPages(pageId)].flatMap(queryParamsOf)])];
  const probes: Probe[] = [];
  const add = (probe: Probe) => probes.push(probe);
  let seed = SEED;

  // 1. Route handlers: every method on every URL shape, wrong credentials, broken and wrongly typed bodies.
  const v1Auth: { name: string; headers: Record<string, string> }[] = [
    { name: 'key', headers: { Authorization: `OAuth ${key}` } },
    { name: 'no key', headers: {} },
    { name: 'junk bearer', headers: { Authorization: `Bearer ${"' OR 1=1 --"}` } },
    { name: 'overlong key', headers: { Authorization: `OAuth bk_${'x'.repeat(5000)}` } },
    { name: 'malformed header', headers: { Authorization: 'OAuth a b c' } },
  ];
  for (const route of routeHandlers(pageId)) {
    const v1 = route.url.startsWith('/api/v1/pages');
    // The page's own route gets the probes for every resource-level shape; each other v1 route file its own URL.
    const v1Root = v1 && route.segments.length === 4;
    const streaming = route.source.includes('text/event-stream') || route.url === '/api/live';
    const client = route.url.startsWith('/admin') ? clients.admin : anonymous;
    const dynamic = route.segments.filter((s) => s.startsWith('[') && s !== '[pageId]');
    // The URL as written, then each dynamic segment (the page id too) replaced by hostile values.
    const fills = dynamic.length > 0 || (route.segments.includes('[pageId]') && (v1Root || !v1)) ? [...TRAVERSAL_SEGMENTS, ...sample(hostileString, 6, seed++).map(encodeSegment)] : [];
    const v1Base = urlFor(route.segments.filter((s) => !s.startsWith('[[')), pageId);
    // Prototype names as a resource, a list or an id: a lookup table must not find Object.prototype's members.
    const prototypeNames = [...PROTOTYPE_KEYS, 'toString', 'hasOwnProperty'];
    const urls = v1Root
      ? [
          `${v1Base}/incidents`,
          `${v1Base}/components/${'zz'.repeat(6)}`,
          ...fills.map((f) => `${v1Base}/${f}`),
          ...fills.slice(0, 4).map((f) => `${urlFor(route.segments, f)}/incidents`),
          ...prototypeNames.flatMap((name) => [`${v1Base}/${name}`, `${v1Base}/incidents/${name}`, `${v1Base}/subscribers/${name}`, `${v1Base}/components/${name}`]),
        ]
      : [route.url, ...fills.map((f) => urlFor(route.segments, pageId, f))];
    const auths = v1 ? v1Auth : [{ name: '', headers: {} as Record<string, string> }];
    for (const [i, url] of urls.entries()) {
      // Every credential on the first URL; the hostile URLs with a valid one, so the path is what is refused.
      for (const auth of i === 0 ? auths : auths.slice(0, 1)) {
        for (const method of ['GET', 'HEAD', 'OPTIONS', ...WRITES]) {
          if (streaming && (method === 'GET' || method === 'HEAD')) continue;
          const write = WRITES.includes(method);
          add({ label: `${method} ${url} ${auth.name}`, client, method, url, headers: auth.headers, expect: write ? 'refused' : 'no5xx', ...(write && { body: '' }) });
        }
      }
      if (!streaming) {
        const query = sample(hostileString, 6, seed++).map((h, i) => `${['page', 'component', 'q', 'limit', 'per_page', 'api_key'][i]}=${encodeSegment(h)}`);
        add({ label: `GET ${url}?hostile`, client, method: 'GET', url: `${url}?${query.join('&')}&page=-1&per_page=1e309`, headers: auths[0]!.headers, expect: 'no5xx' });
        // A NUL byte in every query parameter at once. Each parameter the route reads also gets
        // every NUL value alone (2c), so a refusal of one cannot hide a crash on another.
        add({ label: `GET ${url}?all=NUL`, client, method: 'GET', url: `${url}?${queryParams.map((q) => `${q}=${NUL_VALUES[1]}`).join('&')}`, headers: auths[0]!.headers, expect: 'no5xx' });
      }
    }
    // Bodies, on the collection URL with valid credentials (so the body is what is refused).
    // Bodies go to the writes a route serves, and to the v1 page's root (refused before it reads one).
    // A method a route does not serve answers 405 before any body is read: the empty-body probe above covers it.
    const served = v1Root ? WRITES : [...route.source.matchAll(/export (?:const|async function|function) (POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
    const target = v1Root ? urls[0]! : route.url;
    const headers = auths[0]!.headers;
    const wrapper = v1 ? 'incident' : undefined;
    const typed = sample(wrapper ? wrappedBody(wrapper) : subscriptionBody(), 12, seed++);
    for (const method of served) {
      const bodies: (string | Buffer)[] = [
        ...sample(brokenJson, 8, seed++),
        ...sample(notAnObject, 6, seed++).map((v) => JSON.stringify(v) ?? 'undefined'),
        ...typed.map((v) => JSON.stringify(v)),
        ...BAD_UTF8,
      ];
      for (const body of bodies) add({ label: `${method} ${target} ${String(body).slice(0, 80)}`, client, method, url: target, body, headers: { 'Content-Type': 'application/json', ...headers }, expect: 'refused' });
      // Prototype keys (top level, nested, in lists) and nesting deep enough to overflow a recursive reader.
      for (const body of [...PROTOTYPE_JSON, ...NESTED_BODIES]) {
        add({ label: `${method} ${target} ${body.slice(0, 60)}`, client, method, url: target, body, headers: { 'Content-Type': 'application/json', ...headers }, expect: 'refused' });
      }
      for (const body of [...PROTOTYPE_FORMS, ...NESTED_FORMS, 'incident[name]=a%00b']) {
        add({ label: `${method} ${target} form ${body.slice(0, 60)}`, client, method, url: target, body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, expect: 'refused' });
      }
      add({ label: `${method} ${target} form junk`, client, method, url: target, body: `incident[name]=${encodeSegment("'; DROP TABLE incidents; --")}&incident[status]=%00`, headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, expect: 'refused' });
      add({ label: `${method} ${target} 10 MB`, client, method, url: target, body: TEN_MB, headers: { 'Content-Type': 'application/json', ...headers }, expect: 413 });
    }
  }

  // 2. Pages that take parameters, with hostile values in the path and the query.
  for (const page of appPages(pageId)) {
    const client = page.url.startsWith('/admin') ? clients.admin : anonymous;
    const dynamic = page.segments.some((s) => s.startsWith('['));
    const values = dynamic ? [...TRAVERSAL_SEGMENTS.slice(0, 2), NUL_VALUES[1]!, ...sample(hostileString, 2, seed++).map(encodeSegment)] : [];
    for (const v of values) add({ label: `GET page ${v}`, client, method: 'GET', url: urlFor(page.segments, pageId, v), expect: 'no5xx' });
    const query = sample(hostileString, 3, seed++).map(encodeSegment);
    add({ label: `GET page ${page.url}?hostile`, client, method: 'GET', url: `${page.url}?page=${query[0]}&component=${query[1]}&status=${query[2]}`, expect: 'no5xx' });
    // A NUL byte in every query parameter at once; each parameter the page reads gets them alone in 2c.
    add({ label: `GET page ${page.url}?all=NUL`, client, method: 'GET', url: `${page.url}?${queryParams.map((q) => `${q}=${NUL_VALUES[1]}`).join('&')}`, expect: 'no5xx' });
    // Every public page in another language (`/de/…`, proxy.ts) is the same route: the same hostile values.
    if (!page.url.startsWith('/admin')) {
      const de = (url: string) => (url === '/' ? '/de' : `/de${url}`);
      for (const v of values) add({ label: `GET page /de ${v}`, client, method: 'GET', url: de(urlFor(page.segments, pageId, v)), expect: 'no5xx' });
      add({ label: `GET page ${de(page.url)}?hostile`, client, method: 'GET', url: `${de(page.url)}?page=${query[0]}&component=${query[1]}&status=${query[2]}`, expect: 'no5xx' });
    }
  }

  // 2c. Every query parameter a route or page reads (found in its source), alone, with each hostile value.
  const readers = [...routeHandlers(pageId), ...appPages(pageId)].map((route) => ({ route, params: queryParamsOf(route) })).filter((r) => r.params.length > 0);
  expect(readers.map((r) => r.route.file)).toEqual(expect.arrayContaining(['app/(public)/(overview)/history/page.tsx', 'app/api/v1/pages/[pageId]/incidents/route.ts', 'app/api/v1/pages/[pageId]/subscribers/route.ts', 'app/admin/audit/page.tsx']));
  for (const { route, params } of readers) {
    const v1 = route.url.startsWith('/api/v1/pages');
    const client = route.url.startsWith('/admin') ? clients.admin : anonymous;
    for (const url of [route.url]) {
      for (const param of params) {
        for (const query of hostileQuery(param)) {
          add({ label: `GET ${url}?${query.slice(0, 60)}`, client, method: 'GET', url: `${url}?${query}`, headers: v1 ? { Authorization: `OAuth ${key}` } : {}, expect: 'no5xx' });
        }
      }
    }
  }

  // 2b. The client router's own headers (live refreshes, prefetches), hand-made: Next must not answer 5xx.
  const routerHeaders: Record<string, string>[] = [
    { 'next-router-state-tree': 'junk' },
    { 'next-router-state-tree': '%ZZ' },
    { 'next-router-state-tree': '%5B'.repeat(300) },
    { 'next-router-state-tree': '%5B%22%22%2C%7B%22children%22%3A%5B%22x%22%5D%7D%5D' },
    { 'next-router-state-tree': encodeSegment(JSON.stringify(['', { children: ["' OR 1=1 --", {}] }, null, 'refetch'])) },
    { 'next-router-prefetch': '1', 'next-router-segment-prefetch': '../../etc/passwd' },
    { 'next-router-prefetch': '1', 'next-router-segment-prefetch': '%ZZ' },
    { 'next-router-prefetch': 'junk' },
    { 'next-url': '%ZZ/../..' },
    ...sample(hostileString, 4, seed++).map((h) => ({ 'next-router-state-tree': encodeSegment(h) })),
  ];
  for (const page of appPages(pageId).filter((p) => !p.segments.some((seg) => seg.startsWith('[')) || p.url.startsWith('/incidents/'))) {
    const client = page.url.startsWith('/admin') ? clients.admin : anonymous;
    for (const headers of routerHeaders) {
      add({ label: `RSC ${page.url} ${JSON.stringify(headers).slice(0, 80)}`, client, method: 'GET', url: `${page.url}?_rsc=hostile`, headers: { RSC: '1', ...headers }, expect: 'no5xx' });
    }
  }

  // 3. Server actions: every id, as every kind of caller, with bodies Next or the action must refuse.
  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(20);
  const actionHeaders = (id: string, contentType = 'text/plain;charset=UTF-8') => ({ 'Next-Action': id, Origin: origin, Accept: 'text/x-component', 'Content-Type': contentType });
  const multipart = (parts: Record<string, string>) => ({ contentType: 'multipart/form-data; boundary=----hostile', ...multipartWith(parts) });
  for (const action of actions) {
    // Signing out as a signed-in operator would end the session the test uses.
    const callers = Object.entries(clients).filter(([name]) => !(action.name === 'signOutAction' && (name === 'admin' || name === 'responder')));
    const text = [
      ...sample(brokenJson, 3, seed++),
      '"x"',
      '{}',
      '["$1"]',
      '[{},"$K1"]',
      '[{"a":"$Q2"}]',
      '["$T"]',
      '["$nope"]',
      `${'['.repeat(200)}${']'.repeat(200)}`,
      JSON.stringify([{}, { name: '<script>alert(1)</script>', id: "' OR 1=1 --" }]),
      '[{"__proto__":{"then":"x"}}]',
      '[{},{"constructor":{"prototype":{"then":"x"}}}]',
      `[${'['.repeat(5000)}${']'.repeat(5000)}]`,
      '[{"name":"a\\u0000b"}]',
      ...sample(actionArgs, 6, seed++).map((v) => JSON.stringify(v)),
    ];
    const forms = [
      multipart({ '0': '[{},"$K1"]', '_1_id': "' OR 1=1 --", '_1_incidentId': '../../etc/passwd', '_1_zzz': '<script>alert(1)</script>' }),
      multipart({ '0': '{' }),
      multipart({ '0': '[{},"$K1"]', '_1___proto__': 'x', '_1_name': 'x' }),
      multipart({ '0': '[{},"$K1"]', '_1_constructor[]': 'x' }),
      multipart({ '0': '[{},"$K1"]', '_1_name': 'a\u0000b' }),
      multipart({ '0': '["$5"]' }),
      multipart({ name: 'no part 0' }),
      { contentType: 'multipart/form-data; boundary=----hostile', body: '------hostile\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{}' },
      { contentType: 'multipart/form-data', body: 'no boundary' },
    ];
    // Decoding comes before any session check, so the broken encodings go once, as the most privileged caller;
    // every caller gets argument lists of the wrong types and a form of junk fields.
    const privileged = action.role === 'public' || action.name === 'signOutAction' ? 'anonymous' : 'admin';
    for (const [name, client] of callers) {
      const bodies = name === privileged ? text : text.slice(-1);
      for (const body of bodies) add({ label: `${action.name} as ${name}: ${body.slice(0, 60)}`, client, method: 'POST', url: action.page, body, headers: actionHeaders(action.id), expect: 'no5xx', action: true });
      for (const form of name === privileged ? forms : name === 'badCookie' ? [] : forms.slice(0, 1)) {
        add({ label: `${action.name} as ${name}: multipart ${form.body.slice(0, 60)}`, client, method: 'POST', url: action.page, body: form.body, headers: actionHeaders(action.id, form.contentType), expect: 'no5xx', action: true });
      }
    }
    const client = action.role === 'public' ? anonymous : clients.admin;
    add({ label: `${action.name} 10 MB`, client, method: 'POST', url: action.page, body: TEN_MB, headers: actionHeaders(action.id), expect: 413 });
    add({ label: `${action.name} GET`, client, method: 'GET', url: action.page, headers: actionHeaders(action.id), expect: 405 });
    add({ label: `${action.name} JSON`, client, method: 'POST', url: action.page, body: '[{}]', headers: actionHeaders(action.id, 'application/json'), expect: 415 });
    add({ label: `${action.name} cross-origin`, client, method: 'POST', url: action.page, body: '[{}]', headers: { ...actionHeaders(action.id), Origin: 'https://evil.example' }, expect: 403 });
    add({ label: `${action.name} bad origin`, client, method: 'POST', url: action.page, body: '[{}]', headers: { ...actionHeaders(action.id), Origin: '::::' }, expect: 400 });
    add({ label: `${action.name} no origin`, client, method: 'POST', url: action.page, body: '[{}]', headers: { ...actionHeaders(action.id), Origin: '' }, expect: 'no5xx', action: true });
  }
  const somePage = actions[0]!.page;
  for (const id of ['0'.repeat(42), '../../etc/passwd', "' OR 1=1 --", 'x'.repeat(5000)]) {
    add({ label: `unknown action ${id.slice(0, 20)}`, client: clients.admin, method: 'POST', url: somePage, body: '[{}]', headers: actionHeaders(id), expect: 'refused' });
  }
  // Form posts without JavaScript whose bound-argument fields are broken.
  add({ label: 'MPA broken ref', client: anonymous, method: 'POST', url: '/subscribe', ...mpa({ $ACTION_REF_1: '', '$ACTION_1:0': '{' }), expect: 'refused' });
  add({ label: 'MPA dangling ref', client: anonymous, method: 'POST', url: '/subscribe', ...mpa({ $ACTION_REF_1: '', '$ACTION_1:0': '{"id":"x","bound":"$@1"}' }), expect: 'refused' });
  add({ label: 'MPA unknown id', client: anonymous, method: 'POST', url: '/subscribe', ...mpa({ [`$ACTION_ID_${'0'.repeat(42)}`]: '' }), expect: 'refused' });

  // 4. Sign-in with injection in the credentials: refused; each failure is recorded by design.
  const signIn = actions.find((a) => a.name === 'signInAction')!;
  for (const email of HOSTILE_STRINGS.slice(0, SIGN_IN_ATTEMPTS)) {
    add({
      label: `sign in as ${email}`,
      client: anonymous,
      method: 'POST',
      url: signIn.page,
      ...multipartWith({ '0': '[{},"$K1"]', '_1_email': email, '_1_password': "' OR '1'='1" }),
      headers: { ...actionHeaders(signIn.id, 'multipart/form-data; boundary=----hostile'), 'X-Forwarded-For': FAKE_IP },
      expect: 'no5xx',
      action: true,
    });
  }

  // 5. Headers only a proxy in front or the server itself may set, sent from outside: spoofed client
  // addresses (on a refused subscription) and the internal render header (which must not skip the CSP).
  const spoofed: Record<string, string>[] = [
    { 'X-Forwarded-For': '127.0.0.1' },
    { 'X-Forwarded-For': "' OR 1=1 --, 10.0.0.1" },
    { 'X-Forwarded-For': `${'1.1.1.1, '.repeat(500)}2.2.2.2` },
    { 'X-Forwarded-For': '::ffff:127.0.0.1, 0.0.0.0, 999.1.1.1, %00' },
    { Forwarded: 'for="[::1]:80";proto=https, for=unknown' },
    { 'X-Real-IP': '127.0.0.1' },
    { 'X-Beacon-Client-Address': '127.0.0.1' },
    { 'X-Beacon-Client-Address': "' OR 1=1 --" },
  ];
  for (const headers of spoofed) {
    const body = JSON.stringify({ type: 'email', email: 'not an address' });
    add({ label: `POST /api/subscriptions spoofed ${JSON.stringify(headers).slice(0, 60)}`, client: anonymous, method: 'POST', url: '/api/subscriptions', body, headers: { 'Content-Type': 'application/json', ...headers }, expect: 'refused' });
  }
  // Snapshot pages carry a hash-based policy, pages rendered per request a nonce; neither may go without.
  const needsPolicy = (headers: Record<string, string>) => (/script-src [^;]*'(nonce|sha256)-/.test(headers['content-security-policy'] ?? '') ? undefined : 'a page without its script policy');
  for (const url of ['/admin/login', '/subscribe', '/history', '/admin']) {
    for (const value of ['bogus', '', '1', 'A'.repeat(64), '%00']) {
      const client = url === '/admin' ? clients.admin : anonymous;
      add({ label: `GET ${url} render header ${value.slice(0, 10)}`, client, method: 'GET', url, headers: { 'x-beacon-render': value || ' ' }, expect: 'no5xx', check: needsPolicy });
    }
  }

  const before = await settledFingerprint(fingerprint);
  const started = Date.now();
  const stats = { sent: 0, byClass: {} as Record<string, number>, fiveHundreds: [] as string[], problems: [] as string[], normalized: 0 };
  const slowest: { ms: number; label: string }[] = [];
  const spent: Record<string, { n: number; ms: number }> = {};
  const run = async (probe: Probe) => {
    const sentAt = Date.now();
    let response: APIResponse;
    try {
      response = await probe.client.fetch(probe.url, {
        method: probe.method,
        maxRedirects: 0,
        failOnStatusCode: false,
        timeout: 30_000,
        // Origin as a browser sends it, unless the probe sets it ('' leaves it out).
        headers: Object.fromEntries(Object.entries({ Origin: origin, ...probe.headers }).filter(([, v]) => v !== '')),
        ...(probe.body !== undefined && { data: probe.body }),
      });
    } catch (error) {
      stats.problems.push(`${probe.label}: no answer (${String(error).slice(0, 120)})`);
      return;
    }
    const status = response.status();
    stats.sent++;
    slowest.push({ ms: Date.now() - sentAt, label: probe.label.slice(0, 80) });
    const kind = (spent[probeKind(probe)] ??= { n: 0, ms: 0 });
    kind.n++;
    kind.ms += Date.now() - sentAt;
    slowest.sort((a, b) => b.ms - a.ms).splice(5);
    const cls = `${Math.floor(status / 100)}xx`;
    stats.byClass[cls] = (stats.byClass[cls] ?? 0) + 1;
    if (status >= 500) stats.fiveHundreds.push(`${status} ${probe.label.slice(0, 160)}`);
    if (typeof probe.expect === 'number' && status !== probe.expect) stats.problems.push(`${probe.label.slice(0, 160)}: ${status}, expected ${probe.expect}`);
    // Next answers a path with `..`, a trailing slash or an empty segment (`//`) by redirecting (308) to its
    // normal form; that URL gets the probe too.
    const normalized = status === 308 && /(\/$|%2e%2e$|[^:]\/\/)/i.test(probe.url.split('?')[0]!);
    if (normalized) stats.normalized++;
    else if (probe.expect === 'refused' && (status < 400 || status >= 500)) stats.problems.push(`${probe.label.slice(0, 160)}: ${status}, expected a 4xx`);
    const problem = probe.check?.(response.headers());
    if (problem) stats.problems.push(`${probe.label.slice(0, 160)}: ${problem}`);
    const type = response.headers()['content-type'] ?? '';
    if (status >= 400 && status < 500 && type.includes('json') && probe.method !== 'HEAD') {
      const body = (await response.json().catch(() => ({}))) as { message?: unknown; error?: { message?: unknown } };
      const message = body.error?.message ?? body.message;
      if (typeof message !== 'string' || message.length < 5) stats.problems.push(`${probe.label.slice(0, 160)}: ${status} without a message`);
    }
    // A form action answers 200 with form state; a refused one carries an error naming the problem.
    if (probe.action && status === 200 && type.includes('text/x-component') && !response.headers()['x-action-redirect']) {
      const text = await response.text();
      if (!/"error":"[^"]{5,}/.test(text) && !['previewMarkdownAction', 'signOutAction', 'memberSignOutAction'].some((n) => probe.label.startsWith(n))) {
        stats.problems.push(`${probe.label.slice(0, 160)}: 200 without an error in the form state`);
      }
    }
  };
  // A few at a time: fast, without starving the server the other projects just used.
  const queue = [...probes];
  let nextReport = 1000;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let probe = queue.shift(); probe; probe = queue.shift()) {
        await run(probe);
        if (stats.sent >= nextReport) {
          nextReport += 1000;
          console.log(`[hostile ${label}] ${stats.sent} of ${probes.length} sent, ${Math.round((Date.now() - started) / 1000)} s`);
        }
      }
    }),
  );

  // A polluted Object.prototype (`then` on every object) made every page answer 500 until restart.
  const stillUp: string[] = [];
  for (const url of ['/admin/login', '/history', '/api/health', `/api/v2/summary.json`]) {
    const status = (await anonymous.get(url, { failOnStatusCode: false, maxRedirects: 0 })).status();
    if (status >= 500) stillUp.push(`${url}: ${status}`);
  }
  const v1After = (await anonymous.get(`/api/v1/pages/${pageId}/incidents`, { headers: { Authorization: `OAuth ${key}` }, failOnStatusCode: false })).status();
  if (v1After !== 200) stillUp.push(`GET /api/v1/…/incidents: ${v1After}`);

  // Writes a refused request might still make (a throttle's counter, a queued alert) land before the rows are compared.
  const after = await settledFingerprint(fingerprint);
  const changed = diff(before, after);
  // Throttle counters (refused sign-ins, subscription attempts) change by design.
  const signInRows = changed.rate_limits ?? 0;
  delete changed.rate_limits;
  // The scheduler folds metric points that passed two days into hourly rollups while the run goes on:
  // points may go (folded), rollups follow them; a point that appears was written by a request.
  // (a rollup that changed with no point folded was written by a request too).
  const metricPointsAdded = added(before, after, 'system_metric_points');
  const metricPointsFolded = added(after, before, 'system_metric_points');
  const rollupsChanged = changed.system_metric_rollups ?? 0;
  delete changed.system_metric_points;
  delete changed.system_metric_rollups;
  if (metricPointsAdded) changed.system_metric_points = metricPointsAdded;
  if (rollupsChanged && !metricPointsFolded) changed.system_metric_rollups = rollupsChanged;
  const rowsChanged = Object.values(changed).reduce((a, b) => a + b, 0);
  console.log(
    `[hostile ${label}] requests sent: ${stats.sent} (${JSON.stringify(stats.byClass)}; ${stats.normalized} redirected to the normalized path); 5xx: ${stats.fiveHundreds.length}; rows changed: ${rowsChanged}${rowsChanged ? ` ${JSON.stringify(changed)}` : ''}; ` +
      `rate_limits ±${signInRows} from ${SIGN_IN_ATTEMPTS} refused sign-ins and throttled posts (recorded by design); other problems: ${stats.problems.length}; ${Math.round((Date.now() - started) / 1000)} s`,
  );
  console.log(`[hostile ${label}] time by kind (requests, s): ${Object.entries(spent).sort(([, a], [, b]) => b.ms - a.ms).map(([k, v]) => `${k} ${v.n} ${Math.round(v.ms / 1000)}`).join('; ')}`);
  console.log(`[hostile ${label}] slowest: ${slowest.map((p) => `${p.ms} ms ${p.label}`).join('; ')}`);
  if (stats.fiveHundreds.length) console.log(`[hostile ${label}] 5xx:\n  ${stats.fiveHundreds.slice(0, 60).join('\n  ')}`);
  if (stats.problems.length) console.log(`[hostile ${label}] problems:\n  ${stats.problems.slice(0, 60).join('\n  ')}`);
  expect(stillUp).toEqual([]);
  expect(stats.sent).toBe(probes.length);
  expect(stats.fiveHundreds).toEqual([]);
  expect(stats.problems).toEqual([]);
  expect(changed).toEqual({});
  // Every refused sign-in counts (account and address); subscribe posts that reach the throttle add theirs.
  expect(signInRows).toBeGreaterThanOrEqual(2 * SIGN_IN_ATTEMPTS);
  await anonymous.dispose();
  await badCookie.dispose();
}

/** What a probe exercises, for the run's time-by-kind line. */
function probeKind(probe: Probe): string {
  if (probe.action) return 'server action';
  if (probe.label.startsWith('GET page')) return probe.label.includes('=NUL') ? 'page, NUL parameters' : 'page, hostile path or query';
  if (probe.label.startsWith('RSC')) return 'router headers';
  if (probe.url.includes('=%00') || probe.url.includes('%00b')) return `${probe.method} NUL parameter`;
  if (probe.body !== undefined && probe.body !== '') return `${probe.method} with a body`;
  return probe.method;
}

/** A multipart body as a browser's server-action call sends it: form fields first, the argument list (part 0) last. */
function multipartWith(parts: Record<string, string>) {
  const boundary = '----hostile';
  const ordered = Object.entries(parts).sort(([a], [b]) => Number(a === '0') - Number(b === '0'));
  return {
    body: `${ordered.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('')}--${boundary}--\r\n`,
  };
}

/** A no-JavaScript form post (multipart, no Next-Action header). */
function mpa(parts: Record<string, string>) {
  return { ...multipartWith(parts), headers: { 'Content-Type': 'multipart/form-data; boundary=----hostile' } };
}

