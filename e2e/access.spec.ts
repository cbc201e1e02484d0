import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures/operators';
import { appPages, routeHandlers, serverActions, type ServerAction } from './support/app-routes';

/**
 * Derived from the route tree, not from a hand-kept list: every page, route handler and
 * server action that is not public must refuse an anonymous request, and the admin-only ones
 * must refuse a responder.
 */
interface Route {
  file: string;
  url: string;
  adminOnly: boolean;
  methods: string[];
}

/** The sign-in steps anyone may open: the password form, the second-factor form and a one-time reset link. */
const SIGN_IN_PAGES = /^\/admin\/(login|login\/code|reset-password\/[^/]+)$/;
const isProtected = (url: string) => (url.startsWith('/admin') && !SIGN_IN_PAGES.test(url)) || url.startsWith('/api/v1/pages');

function routes(pageId: string): { pages: Route[]; handlers: Route[] } {
  const pages = appPages(pageId)
    .map((p) => ({ file: p.file, url: p.url, adminOnly: /requireOperator\('admin'\)/.test(p.source), methods: ['GET'] }))
    .filter((r) => isProtected(r.url));
  const handlers = routeHandlers(pageId)
    .map((h) => ({ file: h.file, url: h.url, adminOnly: false, methods: h.methods }))
    .filter((r) => isProtected(r.url) && r.methods.length > 0);
  return { pages, handlers };
}

interface Action extends ServerAction {
  adminOnly: boolean;
}

/** The console's server actions (sign-in and sign-out aside), with the role each requires. */
function adminActions(): Action[] {
  return serverActions()
    .filter((a) => a.role !== 'public' && a.role !== 'session')
    .map((a) => ({ ...a, adminOnly: a.role === 'admin' }));
}

async function pageIdOf(request: APIRequestContext): Promise<string> {
  const status = await (await request.get('/api/v2/status.json')).json();
  return status.page.id as string;
}

async function callAction(page: Page | APIRequestContext, action: Action, baseURL: string) {
  const request = 'request' in page ? page.request : page;
  return request.post(action.page, {
    // The encoded argument list: an empty previous state. The role check comes before the form is read.
    headers: { 'Next-Action': action.id, Origin: baseURL, Accept: 'text/x-component', 'Content-Type': 'text/plain;charset=UTF-8' },
    data: '[{}]',
    maxRedirects: 0,
  });
}

/** An action refused for want of a session answers by redirecting to the sign-in page. */
function redirectsToLogin(response: { status(): number; headers(): Record<string, string> }): boolean {
  const headers = response.headers();
  return (
    (headers['x-action-redirect'] ?? '').startsWith('/admin/login') ||
    ([303, 307, 308].includes(response.status()) && (headers.location ?? '').includes('/admin/login'))
  );
}

test.describe('access control, derived from the route tree', () => {
  test('every non-public page and route handler refuses an anonymous request', async ({ request }) => {
    const { pages, handlers } = routes(await pageIdOf(request));
    expect(pages.length).toBeGreaterThan(10);
    const checked: string[] = [];
    for (const route of pages) {
      const response = await request.get(route.url, { maxRedirects: 0 });
      expect([303, 307, 308], `${route.url} answered ${response.status()}`).toContain(response.status());
      expect(response.headers().location, route.url).toMatch(/\/admin\/login$/);
      checked.push(`GET ${route.url}`);
    }
    for (const route of handlers) {
      for (const method of route.methods) {
        const response = await request.fetch(route.url, { method, maxRedirects: 0, data: method === 'GET' ? undefined : {} });
        const refused = [401, 403].includes(response.status()) || (response.status() === 307 && /\/admin\/login$/.test(response.headers().location ?? ''));
        expect(refused, `${method} ${route.url} answered ${response.status()}`).toBe(true);
        checked.push(`${method} ${route.url}`);
      }
    }
    console.log(`[access] anonymous refused on ${checked.length} routes:\n  ${checked.join('\n  ')}`);
  });

  test('a responder is refused every admin-only page', async ({ responderPage, request }) => {
    const { pages } = routes(await pageIdOf(request));
    const adminOnly = pages.filter((p) => p.adminOnly);
    expect(adminOnly.map((p) => p.url)).toEqual(expect.arrayContaining(['/admin/operators', '/admin/api-keys', '/admin/settings', '/admin/audit']));
    for (const route of adminOnly) {
      const response = await responderPage.request.get(route.url, { maxRedirects: 0 });
      expect(response.status(), route.url).toBe(403);
    }
    for (const route of pages.filter((p) => !p.adminOnly && !p.url.includes('abcdefghijkl'))) {
      const response = await responderPage.request.get(route.url, { maxRedirects: 0 });
      expect(response.status(), route.url).toBe(200);
    }
  });

  test('every admin server action refuses anonymous callers, and admin-only ones refuse responders', async ({ request, responderPage, baseURL }) => {
    const actions = adminActions();
    expect(actions.length).toBeGreaterThan(15);
    for (const action of actions) {
      const response = await callAction(request, action, baseURL!);
      expect(redirectsToLogin(response), `${action.name} (${action.file}) answered ${response.status()}`).toBe(true);
    }
    for (const action of actions.filter((a) => a.adminOnly)) {
      const response = await callAction(responderPage, action, baseURL!);
      const body = await response.text();
      expect(response.status() === 403 || /NEXT_HTTP_ERROR_FALLBACK;403/.test(body), `${action.name} answered ${response.status()}`).toBe(true);
    }
    console.log(`[access] ${actions.length} admin server actions checked (${actions.filter((a) => a.adminOnly).length} admin-only)`);
  });
});
