import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb } from '@/lib/db/testing/test-db';
import { createApiKey } from '@/lib/services/create-api-key';
import { createOperator } from '@/lib/services/create-operator';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { routeFor } from '@/app/api/v1/_tests/route-table';

export interface CallOptions {
  body?: unknown;
  /** A raw body sent as is (form or broken JSON). */
  raw?: string;
  contentType?: string;
  key?: string | null;
  auth?: string;
}

/**
 * A migrated database with an admin and a responder holding API keys, and `call`, which
 * sends a request through the route file Next would pick for it (see route-table.ts).
 */
export async function apiHarness(dialect: 'sqlite' | 'postgres') {
  const db: Db & { drop: () => Promise<void> } = await createTestDb(dialect);
  const clock = testClock();
  const ctx = { db: db.kysely, now: clock.now };
  const page = await getPageSettings(db.kysely, clock.now());
  const admin = await createOperator({ ctx, input: { email: 'admin@example.com', name: 'Ada Admin', role: 'admin', password: 'correct horse battery staple' } });
  const responder = await createOperator({ ctx, input: { email: 'rui@example.com', name: 'Rui Responder', role: 'responder', password: 'correct horse battery staple' } });
  const adminKey = (await createApiKey({ ctx, input: { name: 'monitoring', operatorId: admin.id } })).key;
  const responderKey = (await createApiKey({ ctx, input: { name: 'pager', operatorId: responder.id } })).key;

  async function call(method: string, path: string, options: CallOptions = {}) {
    const key = options.key === undefined ? adminKey : options.key;
    const headers = new Headers();
    if (options.auth) headers.set('authorization', options.auth);
    else if (key !== null) headers.set('authorization', `OAuth ${key}`);
    if (options.contentType) headers.set('content-type', options.contentType);
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const url = new URL(`http://localhost/api/v1/pages${path.startsWith('/') ? path : `/${page.id}/${path}`}`);
    const request = new Request(url, { method, headers, body });
    const found = await routeFor(method, url.pathname);
    const response = found.route
      ? await found.route.serve(request, found.params, { db: db.kysely, now: clock.now, baseUrl: 'https://status.example.com' })
      : new Response(null, { status: found.status });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as any) : null }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  /** Row counts of the tables a write may touch, to prove a refused request wrote nothing. */
  async function counts() {
    const tables = ['incidents', 'incident_updates', 'components', 'component_groups', 'incident_templates', 'audit_log'] as const;
    const out: Record<string, number> = {};
    for (const t of tables) {
      const row = await db.kysely.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      out[t] = Number(row.n);
    }
    return out;
  }

  /** Row counts of every table there is, to prove a refused request wrote nothing anywhere. */
  async function allCounts() {
    const out: Record<string, number> = {};
    for (const table of await db.kysely.introspection.getTables()) {
      if (table.name.startsWith('kysely_')) continue;
      const row = await db.kysely
        .selectFrom(table.name as 'incidents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      out[table.name] = Number(row.n);
    }
    return out;
  }

  return { db, clock, ctx, page, admin, responder, adminKey, responderKey, call, counts, allCounts };
}
export type ApiHarness = Awaited<ReturnType<typeof apiHarness>>;
