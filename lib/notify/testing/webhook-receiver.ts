import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One delivery as the receiver saw it, after checking its signature. */
export interface ReceivedWebhook {
  path: string;
  id: string;
  verified: boolean;
  status: number;
  body: Record<string, unknown>;
}

/**
 * A real loopback webhook endpoint. Each path can fail the first N tries of every message, or never
 * answer at all (black hole); every request's signature is checked with the path's secret.
 */
export async function startWebhookReceiver() {
  const secrets = new Map<string, string>();
  const failFirst = new Map<string, number>();
  const blackHoles = new Set<string>();
  const failNext = new Map<string, number>();
  const delays = new Map<string, number>();
  const seen = new Map<string, number>();
  const received: ReceivedWebhook[] = [];
  const held: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (blackHoles.has(path)) {
        held.push(res);
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const secret = secrets.get(path);
      let verified = false;
      if (secret) {
        // Recompute the signature rather than call verify(): tests run on a hand-driven clock,
        // so the timestamp may be far from the wall clock that verify() checks against.
        const id = String(req.headers['webhook-id']);
        const timestamp = Number(req.headers['webhook-timestamp']);
        const expected = new Webhook(secret).sign(id, new Date(timestamp * 1000), text);
        verified = String(req.headers['webhook-signature']).split(' ').includes(expected);
      }
      const messageId = String(req.headers['webhook-id']);
      const tries = (seen.get(messageId) ?? 0) + 1;
      seen.set(messageId, tries);
      const next = failNext.get(path) ?? 0;
      if (next > 0) failNext.set(path, next - 1);
      const failing = next > 0 || tries <= (failFirst.get(path) ?? 0);
      const status = failing ? 503 : verified || !secret ? 204 : 401;
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        body = {};
      }
      const answer = () => {
        received.push({ path, id: String(req.headers['webhook-id']), verified, status, body });
        res.statusCode = status;
        res.end();
      };
      const delay = delays.get(path);
      if (delay) setTimeout(answer, delay);
      else answer();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    /** Tells the receiver which secret signs deliveries to `path`. */
    secret: (path: string, secret: string) => secrets.set(path, secret),
    /** Every message sent to `path` from now on fails its first `times` tries with a 503. */
    failFirst: (path: string, times: number) => failFirst.set(path, times),
    blackHole: (path: string) => blackHoles.add(path),
    /** The next `times` requests to `path`, whatever message they carry, fail with a 503. */
    failNext: (path: string, times: number) => failNext.set(path, times),
    /** Every request to `path` is answered (and recorded) only after `ms`: a slow endpoint. */
    delay: (path: string, ms: number) => delays.set(path, ms),
    close: async () => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
