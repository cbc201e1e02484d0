import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metrics } from '@/lib/metrics/registry';
import { LineBudget, logRequest, requestIdFor, trackRequest } from './request-log';

describe('requestIdFor', () => {
  it('keeps a plain caller id and replaces anything else', () => {
    expect(requestIdFor('abc-123.x_y')).toBe('abc-123.x_y');
    expect(requestIdFor(['first', 'second'])).toBe('first');
    for (const bad of [undefined, '', 'has space', '<script>', 'x'.repeat(65), 'line\nbreak']) {
      expect(requestIdFor(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    const fresh = new Set(Array.from({ length: 1000 }, () => requestIdFor(undefined)));
    expect(fresh.size).toBe(1000);
  });
});

describe('trackRequest over a real socket', () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log = pino({ level: 'info' }, sink);
  let server: http.Server;
  let base = '';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/api/v2/summary.json') {
        // As a snapshot hit is answered: written at once, then logged without a listener.
        const started = performance.now();
        const id = requestIdFor(req.headers['x-request-id']);
        res.writeHead(200, ['x-request-id', id]);
        res.end('{}');
        logRequest(log, req, id, 200, started);
        return;
      }
      trackRequest(log, req, res);
      res.statusCode = req.url?.startsWith('/missing') ? 404 : 200;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('logs one JSON line per request with id, route, status and duration, and echoes the id', async () => {
    const res = await fetch(`${base}/incidents/abcdefghijkl?x=1`, { headers: { 'x-request-id': 'trace-42' } });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    const missing = await fetch(`${base}/missing`);
    const generated = missing.headers.get('x-request-id');
    await expect.poll(() => lines.length).toBe(2);
    expect(lines[0]).toMatchObject({ reqId: 'trace-42', method: 'GET', route: '/incidents/:id', path: '/incidents/abcdefghijkl', status: 200, msg: 'request' });
    expect(typeof lines[0]!.durationMs).toBe('number');
    expect(lines[1]).toMatchObject({ reqId: generated, route: 'other', status: 404 });
  });

  it('logs and counts a request answered at once, as the snapshot layer answers', async () => {
    const count = async () => (await metrics().requests.get()).values.find((v) => v.labels.route === '/api/v2/summary.json' && v.labels.status === '200')?.value ?? 0;
    const before = await count();
    const seen = lines.length;
    const res = await fetch(`${base}/api/v2/summary.json`, { headers: { 'x-request-id': 'hit-7' } });
    expect(res.headers.get('x-request-id')).toBe('hit-7');
    await expect.poll(() => lines.length).toBe(seen + 1);
    expect(lines[seen]).toMatchObject({ reqId: 'hit-7', route: '/api/v2/summary.json', status: 200 });
    expect(await count()).toBe(before + 1);
  });

  it('feeds the request counter by route and status', async () => {
    const before = (await metrics().requests.get()).values.find((v) => v.labels.route === '/history' && v.labels.status === '200')?.value ?? 0;
    await fetch(`${base}/history`);
    await fetch(`${base}/history?page=2`);
    await expect
      .poll(async () => (await metrics().requests.get()).values.find((v) => v.labels.route === '/history' && v.labels.status === '200')?.value)
      .toBe(before + 2);
  });
});

describe('LineBudget', () => {
  it('folds successful requests past the budget into one line per second, never errors', () => {
    const lines: Record<string, unknown>[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
          done();
        },
      }),
    );
    // pino writes synchronously to a plain stream, so the lines are there at once.
    const budget = new LineBudget(log, 3);
    const own = Array.from({ length: 10 }, (_, i) => budget.take(5_000 + i, 'GET', '/', 200, i));
    expect(own).toEqual([true, true, true, false, false, false, false, false, false, false]);
    expect(budget.take(5_500, 'GET', '/api/v2/*', 404, 1)).toBe(true);
    expect(budget.take(5_600, 'GET', '/api/v2/*', 500, 1)).toBe(true);
    expect(lines).toHaveLength(0);
    budget.roll(6_000);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'requests folded', folded: 7, routes: [{ method: 'GET', route: '/', status: 200, count: 7, maxMs: 9, meanMs: 6 }] });
    expect(budget.take(6_001, 'GET', '/', 200, 1)).toBe(true);
  });
});
