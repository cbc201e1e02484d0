import { readUpstreamSummary, pageRoot, type UpstreamComponent } from '@/lib/domain/upstream/summary';
import { getEnv } from '@/lib/env';
import { parseJson } from '@/lib/http/parse-body';
import { guardedGet } from '@/lib/notify/guarded-get';

/** An upstream document bigger than this is refused (a Statuspage summary is tens of KiB). */
export const UPSTREAM_MAX_BYTES = 1024 * 1024;
export const UPSTREAM_TIMEOUT_MS = 10_000;

/** What reading an upstream summary gave: a fresh document, "not modified", or why it failed. */
export type UpstreamRead =
  | { kind: 'fresh'; page: { name: string; url: string }; components: UpstreamComponent[]; etag: string | null; lastModified: string | null; cacheControl: string | null }
  | { kind: 'not_modified'; cacheControl: string | null }
  | { kind: 'failed'; error: string };

/**
 * Reads one upstream summary.json through the SSRF guard, with the validators of the last read
 * (so an unchanged page answers 304), and parses it as refusing as a request body is parsed:
 * prototype keys, deep nesting and wrong types make the whole document a failure.
 */
export async function readUpstream(url: string, validators: { etag?: string | null; lastModified?: string | null } = {}): Promise<UpstreamRead> {
  const headers: Record<string, string> = {};
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const got = await guardedGet(url, { headers, timeoutMs: UPSTREAM_TIMEOUT_MS, maxBytes: UPSTREAM_MAX_BYTES });
  if (!got.ok) return { kind: 'failed', error: got.error };
  if (got.statusCode === 304) return { kind: 'not_modified', cacheControl: got.cacheControl };
  const parsed = parseJson(got.body);
  if (!parsed.ok) return { kind: 'failed', error: parsed.message.replace('The body', 'The document') };
  const doc = readUpstreamSummary(parsed.value, pageRoot(url));
  if (!doc.ok) return { kind: 'failed', error: doc.error };
  return { kind: 'fresh', page: doc.page, components: doc.components, etag: got.etag, lastModified: got.lastModified, cacheControl: got.cacheControl };
}

/** The configured minimum poll interval and grace period, in seconds. */
export function upstreamTiming(): { minSeconds: number; graceSeconds: number } {
  const env = getEnv();
  return { minSeconds: env.BEACON_UPSTREAM_POLL_SECONDS, graceSeconds: env.BEACON_UPSTREAM_GRACE_SECONDS };
}
