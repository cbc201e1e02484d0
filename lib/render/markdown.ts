import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: true, async: false });

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'strong', 'em', 'del', 'code', 'pre', 'blockquote',
    'ul', 'ol', 'li', 'a', 'h2', 'h3', 'h4', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'title'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Headings inside an update must not outrank the page's own.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener noreferrer' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href,
};
ALLOWED.allowedAttributes = { ...(ALLOWED.allowedAttributes as object), a: ['href', 'title', 'rel'] };

/**
 * Rendered bodies by source: every rebuild of the feeds renders the same hundreds of update
 * bodies again, and parsing plus sanitising costs far more than the lookup. Bounded, oldest out.
 */
const rendered = new Map<string, string>();
const RENDERED_KEPT = 2_000;

/** Renders operator markdown to HTML that is safe to inject: no scripts, handlers or styles. */
export function renderMarkdown(source: string): string {
  const known = rendered.get(source);
  if (known !== undefined) return known;
  const html = sanitizeHtml(marked.parse(source) as string, ALLOWED).trim();
  rendered.set(source, html);
  if (rendered.size > RENDERED_KEPT) rendered.delete(rendered.keys().next().value!);
  return html;
}
