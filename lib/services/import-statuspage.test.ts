import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listManageIncidents } from '@/app/api/v1/pages/[pageId]/incidents/route';
import { GET as listManageTemplates } from '@/app/api/v1/pages/[pageId]/incident_templates/route';
import { GET as listManageSubscribers } from '@/app/api/v1/pages/[pageId]/subscribers/route';
import { GET as listUnsubscribed } from '@/app/api/v1/pages/[pageId]/subscribers/unsubscribed/route';
import { GET } from '@/app/api/v2/[...path]/route';
import type { Db } from '@/lib/db/connect';
import { newId } from '@/lib/db/ids';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { seedDemo } from '@/lib/demo/seed';
import { readStatuspage } from '@/lib/http/statuspage-client';
import { peekShared, setShared } from '@/lib/runtime/bridge';
import { addIncidentUpdate } from '@/lib/services/add-incident-update';
import { createApiKey } from '@/lib/services/create-api-key';
import { createIncident } from '@/lib/services/create-incident';
import { importStatuspage, type ImportResult } from '@/lib/services/import-statuspage';

type DbHolder = { db: Db; ready: Promise<Db> };
type Doc = Record<string, unknown>;
const DOCS = ['summary.json', 'components.json', 'incidents.json', 'scheduled-maintenances.json'] as const;
const NOW = new Date();

/**
 * A second Beacon over loopback HTTP: the real v2 route handler answering from whichever database
 * the process bridge points at (the source while importing, the copy when comparing).
 */
async function serveV2() {
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request = new Request(url, { headers: { authorization: String(req.headers.authorization ?? '') } });
      const manage = /^\/api\/v1\/pages\/([^/]+)\/(incidents|incident_templates|subscribers|subscribers\/unsubscribed)$/.exec(url.pathname);
      const handlers = { incidents: listManageIncidents, incident_templates: listManageTemplates, subscribers: listManageSubscribers, 'subscribers/unsubscribed': listUnsubscribed };
      const response = manage
        ? await handlers[manage[2] as keyof typeof handlers](request, { params: Promise.resolve({ pageId: manage[1]! }) })
        : await GET(request, { params: Promise.resolve({ path: url.pathname.replace(/^\/api\/v2\//, '').split('/') }) });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

for (const dialect of testDialects()) {
  describe(`import-statuspage from a second Beacon on ${dialect}`, () => {
    let source: Db & { drop: () => Promise<void> };
    let copy: Db & { drop: () => Promise<void> };
    let v2: Awaited<ReturnType<typeof serveV2>>;
    let previous: DbHolder | undefined;
    const serve = (db: Db) => setShared<DbHolder>('db', { db, ready: Promise.resolve(db) });
    const ctx = (db: Db) => ({ db: db.kysely, now: () => new Date(), actor: { type: 'system' as const, id: null, name: 'command line' } });
    const documents = async (db: Db) => {
      serve(db);
      const out: Record<string, Doc> = {};
      for (const doc of DOCS) out[doc] = (await (await fetch(`${v2.url}/api/v2/${doc}`)).json()) as Doc;
      return out;
    };
    const runImport = async (): Promise<ImportResult> => {
      serve(source);
      const read = await readStatuspage(`${v2.url}/`);
      return importStatuspage({ ctx: ctx(copy), input: read as never });
    };
    /** The copy's documents in the source's ids (every row keeps its external id in import_mappings). */
    const asSource = async (docs: Record<string, Doc>) => {
      const mappings = await copy.kysely.selectFrom('import_mappings').select(['external_id', 'local_id']).execute();
      let text = JSON.stringify(docs);
      for (const m of mappings) text = text.replaceAll(`"${m.local_id}"`, `"${m.external_id}"`).replaceAll(`/incidents/${m.local_id}"`, `/incidents/${m.external_id}"`);
      return JSON.parse(text) as Record<string, Doc>;
    };
    // The page itself differs (its own id); the order of an update's affected components is not
    // defined by Beacon (it follows the ids), so both sides are put in code order.
    const withoutPage = (docs: Record<string, Doc>) =>
      JSON.parse(
        JSON.stringify(docs, (key, value: unknown) => {
          if (key === 'page' || key === 'page_id') return undefined;
          if (key === 'affected_components' && Array.isArray(value)) return [...(value as { code: string }[])].sort((a, b) => a.code.localeCompare(b.code));
          return value;
        }),
      ) as Record<string, Doc>;
    const counts = async (db: Db) => {
      const out: Record<string, number> = {};
      for (const t of ['component_groups', 'components', 'component_status_intervals', 'incidents', 'incident_components', 'incident_updates', 'incident_update_components', 'import_mappings', 'notification_events', 'alert_events'] as const) {
        out[t] = Number((await db.kysely.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      }
      return out;
    };

    beforeAll(async () => {
      process.env.BEACON_PUBLIC_URL ??= 'http://status.acme.test';
      previous = peekShared<DbHolder>('db');
      source = await createTestDb(dialect);
      copy = await createTestDb(dialect);
      await seedDemo(source.kysely, NOW, 'http://status.acme.test');
      v2 = await serveV2();
    });
    afterAll(async () => {
      setShared('db', previous);
      await v2.close();
      await source.drop();
      await copy.drop();
    });

    it('reproduces the v2 documents: same components, groups, incidents, maintenance, update texts and times', async () => {
      const result = await runImport();
      expect(result.created.component).toBeGreaterThan(5);
      expect(result.created.update).toBeGreaterThan(result.created.incident);
      const want = withoutPage(await documents(source));
      const got = withoutPage(await asSource(await documents(copy)));
      for (const doc of DOCS) expect(got[doc], doc).toEqual(want[doc]);
      // The page's name and time zone came across too.
      const page = (d: Record<string, Doc>) => d['summary.json']!.page as { name: string; time_zone: string };
      const [from, to] = [page(await documents(source)), page(await documents(copy))];
      expect({ name: to.name, time_zone: to.time_zone }).toEqual({ name: from.name, time_zone: from.time_zone });
    });

    it('keeps a history for the uptime bars: one open interval per component, in its current status', async () => {
      const open = await copy.kysely.selectFrom('component_status_intervals as i').innerJoin('components as c', 'c.id', 'i.component_id').select(['c.status', 'i.status as interval']).where('i.ended_at', 'is', null).execute();
      expect(open.length).toBe(await copy.kysely.selectFrom('components').select('id').execute().then((r) => r.length));
      expect(open.every((o) => o.status === o.interval)).toBe(true);
    });

    it('a second run changes nothing and alerts no one', async () => {
      const before = await counts(copy);
      const docs = await documents(copy);
      const again = await runImport();
      expect(again.created).toEqual({ group: 0, component: 0, incident: 0, update: 0 });
      expect(again.updated).toEqual({ group: 0, component: 0, incident: 0, update: 0 });
      expect(await counts(copy)).toEqual(before);
      expect(before.alert_events).toBe(0);
      expect(await documents(copy)).toEqual(docs);
    });

    it('a run after the source moved on takes the new update and nothing else', async () => {
      const live = await source.kysely.selectFrom('incidents').select('id').where('kind', '=', 'incident').where('status', 'in', ['investigating', 'identified', 'monitoring']).executeTakeFirstOrThrow();
      await addIncidentUpdate({ ctx: { db: source.kysely, now: () => new Date() }, input: { incidentId: live.id, status: 'monitoring', body: 'A fix is **rolling out** to every PGW node.' } });
      const result = await runImport();
      expect(result.created).toEqual({ group: 0, component: 0, incident: 0, update: 1 });
      expect(result.updated.incident).toBe(1);
      const want = withoutPage(await documents(source));
      const got = withoutPage(await asSource(await documents(copy)));
      for (const doc of DOCS) expect(got[doc], doc).toEqual(want[doc]);
    });

    it('refuses a Beacon that has components of its own, changing nothing', async () => {
      serve(source);
      const read = await readStatuspage(`${v2.url}/api/v2/summary.json`);
      const before = await counts(source);
      await expect(importStatuspage({ ctx: ctx(source), input: { ...read, source: 'https://other.example' } as never })).rejects.toMatchObject({ status: 409 });
      expect(await counts(source)).toEqual(before);
    });
  });
}

for (const dialect of testDialects()) {
  describe(`import-statuspage with a manage API key on ${dialect}`, () => {
    it('reads every incident, past the 50 the public API lists', async () => {
      const previous = peekShared<DbHolder>('db');
      const source = await createTestDb(dialect);
      const copy = await createTestDb(dialect);
      const v2 = await serveV2();
      try {
        const now = new Date();
        await seedDemo(source.kysely, now, 'http://status.acme.test');
        const ctx = { db: source.kysely, now: () => now };
        for (let i = 0; i < 40; i++) {
          await createIncident({ ctx, input: { name: `Archive incident ${i}`, status: 'resolved', body: `Closed ${i}.`, startedAt: new Date(now.getTime() - (400 + i) * 86_400_000).toISOString() } });
        }
        const operator = await source.kysely.selectFrom('operators').select('id').executeTakeFirst();
        const opId = operator?.id ?? (await source.kysely.insertInto('operators').values({ id: 'op0000000001', email: 'noc@acme.test', name: 'NOC', role: 'admin', password_hash: 'x', removed_at: null, created_at: now.toISOString(), updated_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow()).id;
        const { key } = await createApiKey({ ctx, input: { name: 'import', operatorId: opId } });
        setShared<DbHolder>('db', { db: source, ready: Promise.resolve(source) });
        const total = (await source.kysely.selectFrom('incidents').select('id').execute()).length;
        const publicOnly = await readStatuspage(v2.url);
        expect(publicOnly.documents.incidents.length + publicOnly.documents.scheduled_maintenances.length).toBeLessThan(total);
        const read = await readStatuspage(v2.url, { apiKey: key, apiBase: `${v2.url}/api/v1` });
        const result = await importStatuspage({ ctx: { db: copy.kysely, now: () => new Date() }, input: read as never });
        expect(result.created.incident).toBe(total);
        const names = async (db: Db) => (await db.kysely.selectFrom('incidents').select('name').orderBy('name').execute()).map((r) => r.name);
        expect(await names(copy)).toEqual(await names(source));
        // Published postmortems come with the key (the public API has none).
        const postmortems = async (db: Db) =>
          (await db.kysely.selectFrom('incidents').select(['name', 'postmortem_body']).where('postmortem_published_at', 'is not', null).orderBy('name').execute());
        expect((await postmortems(source)).length).toBeGreaterThan(0);
        expect(await postmortems(copy)).toEqual(await postmortems(source));
      } finally {
        setShared('db', previous);
        await v2.close();
        await source.drop();
        await copy.drop();
      }
    });
  });
}

for (const dialect of testDialects()) {
  describe(`import-statuspage subscribers and templates with a manage API key on ${dialect}`, () => {
    let source: Db & { drop: () => Promise<void> };
    let copy: Db & { drop: () => Promise<void> };
    let v2: Awaited<ReturnType<typeof serveV2>>;
    let previous: DbHolder | undefined;
    let key = '';
    const now = new Date();
    const read = (opts: { fetch?: typeof fetch } = {}) => readStatuspage(v2.url, { apiKey: key, apiBase: `${v2.url}/api/v1`, ...opts });
    const runImport = async () => importStatuspage({ ctx: { db: copy.kysely, now: () => new Date() }, input: (await read()) as never });
    const componentIds = async (db: Db) => (await db.kysely.selectFrom('components').select(['id', 'name']).orderBy('name').execute());
    /** A subscriber row as the source's operator would have it, in any state. */
    const addSubscriber = async (db: Db, s: { kind: 'email' | 'webhook'; email?: string; url?: string; state: 'pending' | 'active' | 'disabled' | 'unsubscribed'; components?: string[]; createdAt?: string }) => {
      const id = newId();
      const at = s.createdAt ?? now.toISOString();
      await db.kysely
        .insertInto('subscribers')
        .values({
          id, kind: s.kind, email: s.email ?? null, url: s.url ?? null, state: s.state, all_components: !s.components, events: 'all', maintenance: true,
          token: `token-${id}`, secret: s.kind === 'webhook' ? 'whsec_x' : null, confirm_token: null, confirm_expires_at: null, confirmed_at: s.state === 'active' ? at : null,
          failing_since: null, disabled_at: s.state === 'disabled' ? at : null, unsubscribed_at: s.state === 'unsubscribed' ? at : null,
          created_at: at, updated_at: at, chat_platform: null, locale: null, time_zone: null,
        })
        .execute();
      if (s.components) await db.kysely.insertInto('subscriber_components').values(s.components.map((component_id) => ({ subscriber_id: id, component_id }))).execute();
      return id;
    };
    /** Subscribers by contact, with their components by name ('all' for the whole page). */
    const subscribers = async (db: Db, states: ('pending' | 'active' | 'disabled' | 'unsubscribed')[]) => {
      const rows = await db.kysely.selectFrom('subscribers').selectAll().where('state', 'in', states).execute();
      const links = await db.kysely.selectFrom('subscriber_components as sc').innerJoin('components as c', 'c.id', 'sc.component_id').select(['sc.subscriber_id', 'c.name']).execute();
      return rows
        .map((r) => ({
          kind: r.kind,
          state: r.state,
          contact: r.kind === 'email' ? r.email : r.url,
          components: r.all_components ? 'all' : links.filter((l) => l.subscriber_id === r.id).map((l) => l.name).sort(),
        }))
        .sort((a, b) => String(a.contact).localeCompare(String(b.contact)));
    };
    const templates = async (db: Db) => {
      const names = new Map((await componentIds(db)).map((c) => [c.id, c.name]));
      const rows = await db.kysely.selectFrom('incident_templates').selectAll().orderBy('name').execute();
      return rows.map((t) => ({
        name: t.name, title: t.title, body: t.body, status: t.status,
        components: (typeof t.component_ids === 'string' ? (JSON.parse(t.component_ids) as string[]) : (t.component_ids as string[])).map((id) => names.get(id)).sort(),
      }));
    };
    const snapshot = async (db: Db) => ({
      subscribers: await db.kysely.selectFrom('subscribers').selectAll().orderBy('id').execute(),
      links: await db.kysely.selectFrom('subscriber_components').selectAll().orderBy('subscriber_id').orderBy('component_id').execute(),
      templates: await db.kysely.selectFrom('incident_templates').selectAll().orderBy('id').execute(),
      mappings: await db.kysely.selectFrom('import_mappings').selectAll().orderBy('kind').orderBy('external_id').execute(),
    });
    const outbox = async (db: Db) => ({
      notifications: (await db.kysely.selectFrom('notifications').select('id').execute()).length,
      events: (await db.kysely.selectFrom('notification_events').select('id').execute()).length,
    });

    beforeAll(async () => {
      process.env.BEACON_PUBLIC_URL ??= 'http://status.acme.test';
      previous = peekShared<DbHolder>('db');
      source = await createTestDb(dialect);
      copy = await createTestDb(dialect);
      await seedDemo(source.kysely, now, 'http://status.acme.test');
      v2 = await serveV2();
      const ctx = { db: source.kysely, now: () => now };
      const operator = await source.kysely.selectFrom('operators').select('id').executeTakeFirst();
      const opId = operator?.id ?? (await source.kysely.insertInto('operators').values({ id: 'op0000000001', email: 'noc@acme.test', name: 'NOC', role: 'admin', password_hash: 'x', removed_at: null, created_at: now.toISOString(), updated_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow()).id;
      key = (await createApiKey({ ctx, input: { name: 'import', operatorId: opId } })).key;
      const [a, b, c] = await componentIds(source);
      await addSubscriber(source, { kind: 'email', email: 'ops@carrier.test', state: 'active', components: [a!.id, b!.id], createdAt: '2024-03-01T10:00:00.000Z' });
      await addSubscriber(source, { kind: 'email', email: 'whole-page@carrier.test', state: 'active' });
      await addSubscriber(source, { kind: 'webhook', url: 'https://93.184.215.14/hooks/beacon', state: 'active', components: [c!.id] });
      // Refused by Beacon's subscribing rules (a private address): skipped, not imported.
      await addSubscriber(source, { kind: 'webhook', url: 'http://127.0.0.1:9/hook', state: 'active' });
      await addSubscriber(source, { kind: 'email', email: 'never-confirmed@carrier.test', state: 'pending' });
      await addSubscriber(source, { kind: 'email', email: 'bounced@carrier.test', state: 'disabled' });
      await addSubscriber(source, { kind: 'email', email: 'left@carrier.test', state: 'unsubscribed' });
      // The copy already knows one of them (pending, whole page): linked, not duplicated.
      await addSubscriber(copy, { kind: 'email', email: 'ops@carrier.test', state: 'pending' });
      setShared<DbHolder>('db', { db: source, ready: Promise.resolve(source) });
    });
    afterAll(async () => {
      setShared('db', previous);
      await v2.close();
      await source.drop();
      await copy.drop();
    });

    it('an unreadable manage endpoint is named and nothing is imported', async () => {
      const failing: typeof fetch = (input, init) =>
        String(input).includes('/incident_templates') ? Promise.resolve(new Response('{"error":"boom"}', { status: 500, statusText: 'Internal Server Error' })) : fetch(input, init);
      await expect(read({ fetch: failing })).rejects.toThrow(`GET ${v2.url}/api/v1/pages/`);
      await expect(read({ fetch: failing })).rejects.toThrow(/\/incident_templates answered 500/);
      expect((await copy.kysely.selectFrom('import_mappings').select('kind').execute()).length).toBe(0);
    });

    it('a failure inside the transaction leaves nothing half-imported', async () => {
      const empty = await createTestDb(dialect);
      try {
        const good = await read();
        const [first] = good.manage!.subscribers as { id: string; email: string }[];
        // The same source id twice (after the public data is written): refused, and all of it rolls back.
        const bad = { ...good, manage: { ...good.manage!, subscribers: [...good.manage!.subscribers, { ...first!, mode: 'email', endpoint: null, email: 'twin@carrier.test', quarantined_at: null }] } };
        await expect(importStatuspage({ ctx: { db: empty.kysely, now: () => new Date() }, input: bad as never })).rejects.toThrow(/listed subscriber .* twice/);
        for (const table of ['components', 'incidents', 'subscribers', 'incident_templates', 'import_mappings'] as const) {
          expect(Number((await empty.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), table).toBe(0);
        }
      } finally {
        await empty.drop();
      }
    });

    it('imports the confirmed subscribers with their components and the templates, sending nothing', async () => {
      expect(await outbox(copy)).toEqual({ notifications: 0, events: 0 });
      const result = await runImport();
      const wanted = (await subscribers(source, ['active'])).filter((s) => s.contact !== 'http://127.0.0.1:9/hook');
      expect(wanted.length).toBeGreaterThanOrEqual(4);
      expect(await subscribers(copy, ['pending', 'active', 'disabled', 'unsubscribed'])).toEqual(wanted);
      expect(result.manage).toMatchObject({ created: { subscriber: wanted.length - 1 }, linked: 1, updated: { subscriber: 1 } });
      expect(result.manage!.skipped).toEqual({ unconfirmed: 1, quarantined: 1, unsubscribed: 1, 'endpoint refused': 1 });
      // The source's time of subscribing is kept.
      const ops = await copy.kysely.selectFrom('subscribers').select(['created_at', 'state']).where('email', '=', 'ops@carrier.test').executeTakeFirstOrThrow();
      expect(ops.state).toBe('active');
      const whole = await copy.kysely.selectFrom('subscribers').select('created_at').where('email', '=', 'whole-page@carrier.test').executeTakeFirstOrThrow();
      const sourceWhole = await source.kysely.selectFrom('subscribers').select('created_at').where('email', '=', 'whole-page@carrier.test').executeTakeFirstOrThrow();
      expect(new Date(whole.created_at).getTime()).toBe(new Date(sourceWhole.created_at).getTime());
      // The demo's NOC templates, with their components by name.
      const want = await templates(source);
      expect(want.length).toBeGreaterThan(0);
      expect(want.some((t) => t.components.length > 0)).toBe(true);
      expect(await templates(copy)).toEqual(want);
      expect(result.manage!.created.template).toBe(want.length);
      // No confirmation, verify ping or alert was queued for anyone.
      expect((await outbox(copy)).notifications).toBe(0);
      expect(await copy.kysely.selectFrom('notification_events').select('type').where('type', 'like', 'subscription%').execute()).toEqual([]);
    });

    it('a second run changes no row and creates nothing', async () => {
      const before = await snapshot(copy);
      const outboxBefore = await outbox(copy);
      const again = await runImport();
      expect(again.manage).toEqual({ created: { subscriber: 0, template: 0 }, updated: { subscriber: 0, template: 0 }, linked: 0, skipped: { unconfirmed: 1, quarantined: 1, unsubscribed: 1, 'endpoint refused': 1 } });
      expect(await snapshot(copy)).toEqual(before);
      expect(await outbox(copy)).toEqual(outboxBefore);
    });

    it('a run after the source changed a subscription and a template takes just that', async () => {
      const [, , , d] = await componentIds(source);
      const ops = await source.kysely.selectFrom('subscribers').select('id').where('email', '=', 'ops@carrier.test').executeTakeFirstOrThrow();
      await source.kysely.insertInto('subscriber_components').values({ subscriber_id: ops.id, component_id: d!.id }).execute();
      const first = await source.kysely.selectFrom('incident_templates').select(['id', 'body']).orderBy('name').executeTakeFirstOrThrow();
      await source.kysely.updateTable('incident_templates').set({ body: `${first.body}\n\nUpdated.` }).where('id', '=', first.id).execute();
      const result = await runImport();
      expect(result.manage).toMatchObject({ created: { subscriber: 0, template: 0 }, updated: { subscriber: 1, template: 1 }, linked: 0 });
      expect(await subscribers(copy, ['active'])).toEqual((await subscribers(source, ['active'])).filter((s) => s.contact !== 'http://127.0.0.1:9/hook'));
      expect(await templates(copy)).toEqual(await templates(source));
    });
  });
}
