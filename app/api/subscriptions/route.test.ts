import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { peekShared, setShared } from '@/lib/runtime/bridge';
import { createComponent } from '@/lib/services/create-component';
import { POST } from '@/app/api/subscriptions/route';
import { POST as oneClick } from '@/app/api/subscriptions/unsubscribe/[token]/route';

const SEED = 0x5ab5c;
type DbHolder = { db: Db; ready: Promise<Db> };

/** Rows in every table, to show a refused request wrote nothing. */
async function allCounts(db: Db) {
  const out: Record<string, number> = {};
  for (const table of await db.kysely.introspection.getTables()) {
    if (table.name.startsWith('kysely_')) continue;
    const row = await db.kysely
      .selectFrom(table.name as 'subscribers')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    out[table.name] = Number(row.n);
  }
  return out;
}

const post = (body: string, contentType = 'application/json') =>
  POST(new Request('http://localhost/api/subscriptions', { method: 'POST', headers: { 'content-type': contentType }, body }));

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype');
/** Subscription bodies carrying a prototype key, a NUL or deep nesting somewhere; none is a valid request. */
const hostileBody: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(hostileKey, fc.constantFrom('{"then":"x"}', '"x"', '[1]', '{"prototype":{"then":1}}')).map(([k, v]) => `{"type":"email","email":"noc@example.com",${JSON.stringify(k)}:${v}}`),
  fc.tuple(hostileKey, fc.constantFrom('email', 'component_ids')).map(([k, field]) => `{"type":"email","email":"noc@example.com","${field}":[{${JSON.stringify(k)}:{"then":"x"}}]}`),
  fc.constantFrom('email', 'url', 'component_ids', 'events').map((field) => `{"type":"webhook","${field}":${'['.repeat(5000)}"x"${']'.repeat(5000)}}`),
  fc.constantFrom('noc\\u0000@example.com', 'https://hooks.example.com/a\\u0000b', 'a\\u0000').map((v) => `{"type":"webhook","url":"${v}","email":"${v}"}`),
);

for (const dialect of testDialects()) {
  describe(`POST /api/subscriptions with hostile bodies on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let previous: DbHolder | undefined;

    beforeEach(async () => {
      db = await createTestDb(dialect);
      previous = peekShared<DbHolder>('db');
      // The route reads the process-wide database; point it at this suite's own.
      setShared<DbHolder>('db', { db, ready: Promise.resolve(db) });
      await createComponent({ ctx: { db: db.kysely, now: () => new Date() }, input: { name: 'VPN' } });
    });
    afterEach(async () => {
      setShared('db', previous);
      expect(({} as Record<string, unknown>).then).toBeUndefined();
      await db.drop();
    });

    it('answers 400 to a body nested 5,000 levels deep', async () => {
      const res = await post(`{"type":"webhook","url":${'['.repeat(5000)}"x"${']'.repeat(5000)}}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toBe('The body is nested more than 32 levels deep');
    });

    it('refuses __proto__ and NUL characters with a 400 naming the problem', async () => {
      const proto = await post('{"type":"email","email":"noc@example.com","__proto__":{"then":"x"}}');
      expect(proto.status).toBe(400);
      expect((await proto.json()).error.message).toMatch(/may not use the key "__proto__"/);
      const nul = await post('{"type":"webhook","url":"https://hooks.example.com/a\\u0000b"}');
      expect(nul.status).toBe(400);
      expect((await nul.json()).error.message).toMatch(/NUL characters \(at url\)/);
    });

    it('takes a language and an IANA time zone, and refuses others with a 422 naming the field', async () => {
      const before = await allCounts(db);
      const locale = await post('{"type":"email","email":"noc@example.com","locale":"tlh"}');
      expect(locale.status).toBe(422);
      expect((await locale.json()).error.fields).toEqual({ locale: 'must be one of "en", "de", "fr", "it", "es"' });
      const zone = await post('{"type":"email","email":"noc@example.com","time_zone":"Europe/Atlantis"}');
      expect(zone.status).toBe(422);
      expect((await zone.json()).error.fields).toEqual({ time_zone: 'must be an IANA time zone name such as "Europe/Berlin"' });
      // The throttle counts every attempt; nothing else is written.
      expect({ ...(await allCounts(db)), rate_limits: 0 }).toEqual({ ...before, rate_limits: 0 });
      const ok = await post('{"type":"email","email":"noc@example.com","locale":"it","time_zone":"Europe/Rome"}');
      expect(ok.status).toBe(202);
      expect(await db.kysely.selectFrom('subscribers').select(['locale', 'time_zone']).execute()).toEqual([{ locale: 'it', time_zone: 'Europe/Rome' }]);
    });

    it('answers a generated hostile corpus with 4xx only and writes no row', async () => {
      const before = await allCounts(db);
      const statuses: number[] = [];
      for (const body of fc.sample(hostileBody, { numRuns: 60, seed: SEED })) {
        const res = await post(body);
        statuses.push(res.status);
        expect(res.status, body.slice(0, 80)).toBeGreaterThanOrEqual(400);
        expect(res.status, body.slice(0, 80)).toBeLessThan(500);
      }
      for (const body of ['__proto__[then]=x', 'a[constructor][prototype]=1', 'List-Unsubscribe=One%00Click']) {
        const res = await oneClick(new Request('http://localhost/api/subscriptions/unsubscribe/x', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }), {
          params: Promise.resolve({ token: 'a'.repeat(43) }),
        });
        statuses.push(res.status);
        expect(res.status, body).toBe(400);
      }
      // A NUL in the token (a path parameter) is refused before any query.
      const res = await oneClick(new Request('http://localhost/x', { method: 'POST', body: 'List-Unsubscribe=One-Click' }), { params: Promise.resolve({ token: `${'a'.repeat(30)}\u0000` }) });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(await allCounts(db)).toEqual(before);
    });
  });
}
