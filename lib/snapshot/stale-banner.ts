/**
 * Adds the "Status as of …" notice to a snapshot page served while the database is unreachable.
 * It goes first in <body>, outside React's tree, which hydration leaves alone.
 */
export function withStaleBanner(html: string, asOf: string): string {
  const when = new Date(asOf);
  const text = `${when.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const banner =
    `<div role="status" data-snapshot-stale="true" style="background:#fef3c7;color:#78350f;` +
    `border-bottom:1px solid #f59e0b;padding:8px 16px;text-align:center;font:14px/1.4 system-ui,sans-serif">` +
    `Status as of <time datetime="${when.toISOString()}">${text}</time>; live data temporarily unavailable.</div>`;
  return html.replace(/<body[^>]*>/, (tag) => tag + banner);
}
