import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { openDb } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { testClock } from '@/lib/db/testing/clock';
import { CLIENT_ADDRESS_HEADER, compileTrust, stampClientAddress } from '@/lib/http/client-address';
import type { ServiceContext } from '@/lib/services/context';
import { createOperator } from '@/lib/services/create-operator';
import { InvalidCredentialsError, ThrottledError, signIn } from '@/lib/services/sign-in';
import { TooManyRequestsError } from '@/lib/services/errors';
import { throttleSubscribe } from '@/lib/services/subscription-throttle';

const PASSWORD = 'the real password 1';

/** A loopback server resolving the client address as server.ts does, then signing in. */
async function signInServer(ctx: () => ServiceContext, trustSetting: string) {
  const trust = compileTrust(trustSetting);
  const server = http.createServer((req, res) => {
    stampClientAddress(req, trust);
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as { email: string; password: string; deviceToken?: string };
      signIn({ ctx: ctx(), input: { ...body, ip: req.headers[CLIENT_ADDRESS_HEADER] as string } }).then(
        (r) => res.end(JSON.stringify({ status: 200, deviceToken: r.deviceToken })),
        (e: unknown) => res.end(JSON.stringify({ status: e instanceof ThrottledError ? 429 : e instanceof InvalidCredentialsError ? 401 : 500, message: (e as Error).message })),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const send = async (body: object, xff?: string) => {
    const res = await fetch(url, { method: 'POST', body: JSON.stringify(body), headers: xff ? { 'x-forwarded-for': xff } : {} });
    return (await res.json()) as { status: number; deviceToken?: string; message?: string };
  };
  return { send, close: () => new Promise((r) => server.close(r)) };
}

for (const dialect of testDialects()) {
  describe(`sign-in and subscription throttles on ${dialect}`, () => {
    let db: Db & { url: string; drop: () => Promise<void> };
    const clock = testClock();
    const ctx = (): ServiceContext => ({ db: db.kysely, now: clock.now });
    let n = 0;
    const newOperator = async () => {
      const email = `noc${++n}@example.com`;
      await createOperator({ ctx: ctx(), input: { email, name: 'NOC', role: 'admin', password: PASSWORD } });
      return email;
    };

    beforeAll(async () => {
      db = await createTestDb(dialect);
    });
    afterAll(async () => db.drop());

    for (const trustSetting of ['', 'loopback']) {
      it(`attackers rotating spoofed X-Forwarded-For cannot keep an operator out of a known browser (trusted proxies: "${trustSetting || 'none'}")`, async () => {
        const email = await newOperator();
        const server = await signInServer(ctx, trustSetting);
        try {
          const first = await server.send({ email, password: PASSWORD });
          expect(first.status).toBe(200);
          const outcomes: Record<number, number> = {};
          for (let i = 0; i < 40; i++) {
            const r = await server.send({ email, password: `guess-${i}` }, `198.51.100.${i}, 203.0.${i}.1`);
            outcomes[r.status] = (outcomes[r.status] ?? 0) + 1;
          }
          // Five guesses, then only refusals: the account waits, whatever address the guesses claim.
          expect(outcomes).toEqual({ 401: 5, 429: 35 });
          const unknown = await server.send({ email, password: PASSWORD });
          expect(unknown.status).toBe(429);
          expect(unknown.message).toMatch(/Try again in \d+ seconds?\./);
          expect((await server.send({ email, password: PASSWORD, deviceToken: first.deviceToken })).status).toBe(200);
        } finally {
          await server.close();
        }
      });
    }

    for (const trustSetting of ['', '10.0.0.0/8', 'loopback']) {
      it(`rotating X-Forwarded-For from one socket still meets the per-address limit (trusted proxies: "${trustSetting || 'none'}")`, async () => {
        const server = await signInServer(ctx, trustSetting);
        clock.advance(60);
        try {
          const statuses: number[] = [];
          // Behind a trusted proxy the client is the entry that proxy added (the last), not the spoofable ones before it.
          for (let i = 0; i < 25; i++) statuses.push((await server.send({ email: `user${i}@example.com`, password: 'Winter2026!' }, `192.0.2.${i}, 198.18.0.7`)).status);
          expect(statuses.filter((s) => s === 401)).toHaveLength(20);
          expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
        } finally {
          await server.close();
        }
      });
    }

    it('two instances on one database share the limits', async () => {
      const email = await newOperator();
      clock.advance(60);
      // A second handle on the same database, as another instance would have.
      const instances = [ctx(), { db: openDb(db.url).kysely, now: clock.now }];
      const statuses: string[] = [];
      for (let i = 0; i < 8; i++) {
        const error = await signIn({ ctx: instances[i % 2]!, input: { email, password: `guess-${i}`, ip: `203.0.113.${i}` } }).catch((e: unknown) => e);
        statuses.push(error instanceof ThrottledError ? 'throttled' : error instanceof InvalidCredentialsError ? 'invalid' : 'other');
      }
      expect(statuses).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'throttled', 'throttled', 'throttled']);
      await instances[1]!.db.destroy();
    });

    it('an address that used up its limits stays limited after requests from 51,000 other addresses; expired counters are pruned', async () => {
      clock.advance(60);
      const victimIp = '198.51.100.200';
      for (let i = 0; i < 3; i++) await throttleSubscribe(ctx(), `198.51.100.${210 + i}`, 'victim@example.com');
      for (let i = 0; i < 10; i++) await throttleSubscribe(ctx(), victimIp, '');
      const limited = async () => [
        await throttleSubscribe(ctx(), '198.51.100.201', 'victim@example.com').catch((e: unknown) => e),
        await throttleSubscribe(ctx(), victimIp, '').catch((e: unknown) => e),
      ];
      expect(await limited()).toEqual([expect.any(TooManyRequestsError), expect.any(TooManyRequestsError)]);
      // The old in-memory store was wiped once it held 50,000 buckets: a spray past that reset everyone.
      // Chunks of 1,000 requests, each in one transaction, eight at a time (through the same throttle code).
      const SPRAY = 51_000;
      const CHUNK = 1_000;
      const chunks = Array.from({ length: SPRAY / CHUNK }, (_, c) => c);
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let c = chunks.shift(); c !== undefined; c = chunks.shift()) {
            await db.kysely.transaction().execute(async (trx) => {
              for (let i = c * CHUNK; i < (c + 1) * CHUNK; i++) await throttleSubscribe({ db: trx, now: clock.now }, `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, '');
            });
          }
        }),
      );
      expect(await limited()).toEqual([expect.any(TooManyRequestsError), expect.any(TooManyRequestsError)]);
      const { count: sprayed } = await db.kysely.selectFrom('rate_limits').select((eb) => eb.fn.countAll<number>().as('count')).where('key', 'like', 'subscribe:ip:%').executeTakeFirstOrThrow();
      expect(Number(sprayed)).toBeGreaterThan(SPRAY);
      // Once every bucket is full again, the next new counter prunes them all.
      clock.advance(31);
      await throttleSubscribe(ctx(), '198.51.100.203', 'fresh@example.com');
      const { count } = await db.kysely.selectFrom('rate_limits').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
      expect(Number(count)).toBe(2);
    }, 120_000);
  });
}

