/**
 * Data points as Statuspage's metric data endpoints accept them: a timestamp in Unix seconds
 * (an integer, a float or a numeric string, floored), cast to its 30-second slot, and a finite
 * value. Points may come in any order; within one slot the last one sent wins.
 */

/** Statuspage casts each point to its nearest 30-second interval. */
export const SLOT_SECONDS = 30;
/** How far back a point may be backfilled (Statuspage: "up to 28 days"). */
export const BACKFILL_SECONDS = 28 * 86_400;
/** A little clock skew between a pusher and Beacon is tolerated; later points are refused. */
export const FUTURE_SKEW_SECONDS = 5 * 60;
/** Points per request, single or bulk (Statuspage clients send up to 2,000 at a time). */
export const MAX_POINTS_PER_REQUEST = 10_000;

export interface MetricPoint {
  /** Unix seconds, a multiple of SLOT_SECONDS. */
  at: number;
  value: number;
}

export type PointsParse =
  | { ok: true; points: MetricPoint[] }
  | { ok: false; fields: Record<string, string> };

const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'string' && NUMERIC.test(raw)) {
    const n = Number(raw);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** The start of the 30-second slot a Unix-seconds timestamp falls in, after flooring it. */
export function slotOf(seconds: number): number {
  return Math.floor(Math.floor(seconds) / SLOT_SECONDS) * SLOT_SECONDS;
}

/**
 * Reads one `{ timestamp, value }` point; `field` is its name as the client sent it
 * (`data` or `data.<metric_id>[3]`), for the 422 that names what is wrong.
 */
export function readPoint(
  raw: unknown,
  field: string,
  now: Date,
): { ok: true; point: MetricPoint } | { ok: false; fields: Record<string, string> } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, fields: { [field]: 'must be an object with timestamp and value' } };
  }
  const { timestamp, value } = raw as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const seconds = toNumber(timestamp);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (timestamp === undefined || timestamp === null || timestamp === '') fields[`${field}.timestamp`] = 'is required';
  else if (seconds === undefined) fields[`${field}.timestamp`] = 'must be a number of seconds since 1970 (Unix time)';
  else if (seconds > nowSeconds + FUTURE_SKEW_SECONDS) fields[`${field}.timestamp`] = 'is in the future';
  else if (seconds < nowSeconds - BACKFILL_SECONDS) fields[`${field}.timestamp`] = 'is more than 28 days ago';
  const number = toNumber(value);
  if (value === undefined || value === null || value === '') fields[`${field}.value`] = 'is required';
  else if (number === undefined) fields[`${field}.value`] = 'must be a finite number';
  if (Object.keys(fields).length > 0 || seconds === undefined || number === undefined) return { ok: false, fields };
  return { ok: true, point: { at: slotOf(seconds), value: number } };
}

/** Reads a list of points (or one point object, as an older bulk format sent it) under `field`. */
export function readPoints(raw: unknown, field: string, now: Date): PointsParse {
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) return { ok: false, fields: { [field]: 'must hold at least one point' } };
  if (list.length > MAX_POINTS_PER_REQUEST) {
    return { ok: false, fields: { [field]: `must hold at most ${MAX_POINTS_PER_REQUEST.toLocaleString('en-US')} points` } };
  }
  const points: MetricPoint[] = [];
  const fields: Record<string, string> = {};
  list.forEach((item, index) => {
    const read = readPoint(item, Array.isArray(raw) ? `${field}[${index}]` : field, now);
    if (read.ok) points.push(read.point);
    else if (Object.keys(fields).length < 20) Object.assign(fields, read.fields);
  });
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, points: lastPerSlot(points) };
}

/** One point per slot, the last one given winning, in time order. */
export function lastPerSlot(points: readonly MetricPoint[]): MetricPoint[] {
  const bySlot = new Map<number, number>();
  for (const p of points) bySlot.set(p.at, p.value);
  return [...bySlot].map(([at, value]) => ({ at, value })).sort((a, b) => a.at - b.at);
}
