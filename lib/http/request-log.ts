import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address';
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

// Fresh ids are UUID-shaped: a random prefix made once per process and a counter. Unique within
// the process and, by the prefix, across processes; a crypto call per request (which Next wraps
// once it is loaded) is not needed for a log correlation id.
const ID_PREFIX = randomUUID().slice(0, 24);
let idCounter = Math.floor(Math.random() * 2 ** 40);

/** The caller's X-Request-Id when it is a plain token, else a fresh one. */
export function requestIdFor(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  if (given && SAFE_ID.test(given)) return given;
  idCounter = (idCounter + 1) % 2 ** 48;
  return ID_PREFIX + idCounter.toString(16).padStart(12, '0');
}

/** Past this many lines in one second, successful requests are folded into one line per route. */
export const LOG_LINES_PER_SECOND = 1_000;

/**
 * Decides, per request, whether it gets its own line: every request while the second has room,
 * and every 4xx/5xx always; the rest are folded into a `requests folded` line per second with
 * counts and durations by method, route and status, so a flood costs a few lines, not thousands.
 */
export class LineBudget {
  private second = -1;
  private lines = 0;
  private folded = new Map<string, { method: string; route: string; status: number; count: number; totalMs: number; maxMs: number }>();

  constructor(
    private readonly log: Logger,
    private readonly perSecond: number,
  ) {}

  /** Whether this request gets a line of its own; when not, it is counted for the folded line. */
  take(nowMs: number, method: string, route: string, status: number, durationMs: number): boolean {
    this.roll(nowMs);
    if (++this.lines <= this.perSecond || status >= 400) return true;
    const key = `${method} ${route} ${status}`;
    const entry = this.folded.get(key);
    if (entry) {
      entry.count++;
      entry.totalMs += durationMs;
      if (durationMs > entry.maxMs) entry.maxMs = durationMs;
    } else {
      this.folded.set(key, { method, route, status, count: 1, totalMs: durationMs, maxMs: durationMs });
    }
    return false;
  }

  /** Starts a new second when `nowMs` is past the current one, writing the folded line of the last. */
  roll(nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    if (second === this.second) return;
    this.flush();
    this.second = second;
    this.lines = 0;
  }

  /** Writes the folded line, if any. */
  flush(): void {
    if (this.folded.size === 0) return;
    const routes = [...this.folded.values()].map(({ totalMs, maxMs, ...r }) => ({
      ...r,
      meanMs: Math.round((totalMs / r.count) * 10) / 10,
      maxMs: Math.round(maxMs * 10) / 10,
    }));
    this.folded = new Map();
    this.log.info({ folded: routes.reduce((n, r) => n + r.count, 0), routes }, 'requests folded');
  }
}

const budgets = new WeakMap<Logger, LineBudget>();

function budgetFor(log: Logger): LineBudget {
  let budget = budgets.get(log);
  if (!budget) {
    budgets.set(log, (budget = new LineBudget(log, LOG_LINES_PER_SECOND)));
    // A flood that stops still gets its last folded line.
    setInterval(() => budget!.roll(Date.now()), 1_000).unref();
  }
  return budget;
}

/**
 * Tags the request with an id (echoed as X-Request-Id unless `echo` is false: then the caller
 * writes it, as the snapshot layer does with its precomputed headers), and when the response is
 * done logs request id, method, route, path, status, duration and client address, and feeds
 * the Prometheus histogram.
 */
export function trackRequest(log: Logger, req: IncomingMessage, res: ServerResponse, echo = true, started = performance.now()): string {
  const id = requestIdFor(req.headers['x-request-id']);
  if (echo) res.setHeader('x-request-id', id);
  res.once('close', () => logRequest(log, req, id, res.writableFinished ? res.statusCode : 499, started));
  return id;
}

/**
 * Logs and counts one finished request. A snapshot hit calls it at once (its bytes are handed to
 * the socket within the call), without the `close` listener `trackRequest` adds per request;
 * `started` is when the request arrived (performance.now()).
 */
export function logRequest(log: Logger, req: IncomingMessage, id: string, status: number, started: number): void {
  const method = req.method ?? 'GET';
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const durationMs = performance.now() - started;
  const route = observeRequest(method, path, status, durationMs);
  if (enabled(log) && budgetFor(log).take(Date.now(), method, route, status, durationMs)) {
    // One flat object of plain fields: add a field here and it is in every line.
    const fields = { reqId: id, method, route, path: path.slice(0, 200), status, durationMs: Math.round(durationMs * 10) / 10, clientAddress: req.headers[CLIENT_ADDRESS_HEADER] };
    log.info(fields, 'request');
  }
}

/** Whether the logger writes info lines (pino's level value, read without a call per request). */
const enabled = (log: Logger) => log.levelVal <= 30;
