import http from 'node:http';
import { expect, test } from './fixtures/operators';
import { sqliteFingerprint } from './support/db-fingerprint';
import { runHostileInput } from './support/hostile-run';

// The corpus against Playwright's own server, on its SQLite file (hostile-input-pg.spec.ts runs it on PostgreSQL).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const DB_FILE = `data/e2e-${PORT}.db`;

test('hostile input: no 5xx, every write refused with a reason, no row changed', async ({ adminPage, responderPage, baseURL, request }) => {
  // About two minutes on two idle cores; the rest is headroom for a loaded machine.
  // A bound, not a target: over 21,000 requests take 6–14 minutes depending on what else runs.
  test.setTimeout(1_200_000);
  await runHostileInput({ adminPage, responderPage, request, baseURL: baseURL!, fingerprint: sqliteFingerprint(DB_FILE), label: 'sqlite' });
});

test('an oversized upload announced with Expect: 100-continue is refused before its body is sent', async ({ baseURL }) => {
  const url = new URL('/api/v1/pages/x/incidents', baseURL);
  const outcome = await new Promise<{ status: number; continued: boolean; message: string; headers?: string }>((resolve, reject) => {
    let continued = false;
    const req = http.request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(10 * 1024 * 1024), Expect: '100-continue' },
    });
    req.on('continue', () => {
      continued = true;
      req.destroy();
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          continued,
          message: (JSON.parse(body) as { error: { message: string } }).error.message,
          headers: `${res.headers['x-content-type-options']} ${res.headers['referrer-policy']}`,
        }),
      );
    });
    req.on('error', (error) => (continued ? resolve({ status: 0, continued, message: String(error) }) : reject(error)));
    req.flushHeaders();
  });
  expect(outcome.continued).toBe(false);
  expect(outcome.status).toBe(413);
  expect(outcome.message).toMatch(/at most 256 KB/);
  // Refusals are answered by server.ts itself, with the site-wide headers all the same.
  expect(outcome.headers).toBe('nosniff strict-origin-when-cross-origin');
});
