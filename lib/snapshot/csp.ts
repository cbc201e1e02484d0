import { createHash } from 'node:crypto';

/**
 * Directives every Beacon page shares, console or public: same-origin everything, no plugins, no
 * <base> rewriting, no framing, forms post only to Beacon.
 */
const COMMON = [
  "default-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
] as const;

/** Images: Beacon's own, data: URIs, and the operator's logo, which may be any https URL. */
export const IMG_SRC = "img-src 'self' https: data:";

/**
 * The development server is looser: React's debugging aids evaluate code, and hot reloading
 * injects <style> elements without a nonce. Production builds never get these.
 */
const DEV = process.env.NODE_ENV === 'development';

/** A policy from its script and style sources (each list after 'self'), with the shared directives. */
export function contentSecurityPolicy(input: {
  scriptSrc: readonly string[];
  styleSrc: readonly string[];
  styleSrcAttr?: string;
  dev?: boolean;
}): string {
  const [defaultSrc, ...rest] = COMMON;
  const dev = input.dev ?? DEV;
  return [
    defaultSrc,
    ["script-src 'self'", ...input.scriptSrc, ...(dev ? ["'unsafe-eval'"] : [])].join(' '),
    // A nonce or hash would switch 'unsafe-inline' off, so in development it stands alone.
    ["style-src 'self'", ...(dev ? ["'unsafe-inline'"] : input.styleSrc)].join(' '),
    ...(input.styleSrcAttr && !dev ? [`style-src-attr ${input.styleSrcAttr}`] : []),
    IMG_SRC,
    ...rest,
  ].join('; ');
}

/** `'sha256-…'` of an inline element's text, as the browser hashes it (UTF-8, exactly as written). */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
/** A style="…" attribute inside a start tag (not text that merely reads style=). */
const STYLE_ATTR = /<[a-z][^<>]*\sstyle\s*=/i;

/**
 * Hash sources for every inline <script> in a document (ones with a src are allowed by 'self').
 * The match is textual: an inline script the regex reads differently from the browser gets a
 * hash that matches nothing, so it is blocked, never allowed by mistake.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attrs, body] of html.matchAll(SCRIPT)) {
    if (/\ssrc\s*=/i.test(` ${attrs}`)) continue;
    hashes.add(hashSource(body!));
  }
  return [...hashes];
}

/** Hash sources for every inline <style> element in a document. */
export function inlineStyleHashes(html: string): string[] {
  return [...new Set([...html.matchAll(STYLE)].map(([, body]) => hashSource(body!)))];
}

/**
 * The strictest policy a prerendered page allows. Snapshots are served to everyone from memory,
 * so there is no per-request nonce: each inline script Next emitted (the RSC payload pushes and
 * the bootstrap) is allowed by its hash, and nothing else inline runs. Inline <style> elements are
 * allowed by hash too; style attributes only if the markup has any (React sets styles after
 * hydration through the CSSOM, which no policy restricts).
 */
export function snapshotCsp(html: string): string {
  return contentSecurityPolicy({
    scriptSrc: inlineScriptHashes(html),
    styleSrc: inlineStyleHashes(html),
    ...(STYLE_ATTR.test(html.replace(SCRIPT, '')) ? { styleSrcAttr: "'unsafe-inline'" } : {}),
  });
}
