import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
import { observeRequest } from '@/lib/metrics/registry';

/** One JSON line per request on stdout; BEACON_LOG_LEVEL=silent turns it off. */
export function requestLogger(level = process.env.BEACON_LOG_LEVEL || 'info'): Logger {
  // Buffered and asynchronous: lines gather in memory up to 8 KB and go out in one write, so a
  // busy server makes a few large writes a second instead of one per request; a quiet one still
  // shows each line within a quarter of a second.
  const destination = pino.destination({ sync: false, minLength: 8 * 1024 });
  setInterval(() => {
    try {
      destination.flush();
    } catch {
      // not open yet, or closing: the next tick or the final flush writes the lines
    }
  }, 250).unref();
  return pino({ level, base: { service: 'beacon' }, timestamp: pino.stdTimeFunctions.epochTime }, destination);
}

const SAFE_ID = /^[\w.-]{1,64}$/;

/** The caller's X-Request-Id when it is a plain token, else a fresh one. */
export function requestIdFor(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && SAFE_ID.test(given) ? given : randomUUID();
}

/**
 * Tags the request with an id (echoed as X-Request-Id unless `echo` is false: then the caller
 * writes it, as the snapshot layer does with its precomputed headers), and when the response is
 * done logs request id, method, route, path, status and duration, and feeds the Prometheus
 * histogram.
 */
export function trackRequest(log: Logger, req: IncomingMessage, res: ServerResponse, echo = true): string {
  const started = performance.now();
  const id = requestIdFor(req.headers['x-request-id']);
  if (echo) res.setHeader('x-request-id', id);
  res.once('close', () => {
    const method = req.method ?? 'GET';
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const path = q < 0 ? raw : raw.slice(0, q);
    const durationMs = performance.now() - started;
    const status = res.writableFinished ? res.statusCode : 499;
    const route = observeRequest(method, path, status, durationMs);
    if (log.isLevelEnabled('info')) {
      // One flat object of plain fields: add a field here and it is in every line.
      const fields = { reqId: id, method, route, path: path.slice(0, 200), status, durationMs: Math.round(durationMs * 10) / 10 };
      log.info(fields, 'request');
    }
  });
  return id;
}
