import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
import { observeRequest } from '@/lib/metrics/registry';

/** One JSON line per request on stdout; BEACON_LOG_LEVEL=silent turns it off. */
export function requestLogger(level = process.env.BEACON_LOG_LEVEL || 'info'): Logger {
  // Asynchronous: lines written while a write is in flight go out together, so a busy server
  // batches its log writes and a quiet one still shows each line at once.
  return pino({ level, base: { service: 'beacon' } }, pino.destination({ sync: false }));
}

const SAFE_ID = /^[\w.-]{1,64}$/;

/** The caller's X-Request-Id when it is a plain token, else a fresh one. */
export function requestIdFor(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && SAFE_ID.test(given) ? given : randomUUID();
}

/**
 * Tags the request with an id (echoed as X-Request-Id), and when the response is done logs
 * request id, method, route, path, status and duration, and feeds the Prometheus histogram.
 */
export function trackRequest(log: Logger, req: IncomingMessage, res: ServerResponse): string {
  const started = performance.now();
  const id = requestIdFor(req.headers['x-request-id']);
  res.setHeader('x-request-id', id);
  res.once('close', () => {
    const method = req.method ?? 'GET';
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const path = q < 0 ? raw : raw.slice(0, q);
    const durationMs = performance.now() - started;
    const status = res.writableFinished ? res.statusCode : 499;
    const route = observeRequest(method, path, status, durationMs);
    if (log.isLevelEnabled('info')) {
      log.info({ reqId: id, method, route, path: path.slice(0, 200), status, durationMs: Math.round(durationMs * 10) / 10 }, 'request');
    }
  });
  return id;
}
