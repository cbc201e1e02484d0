import { Lexer, type Token, type Tokens } from 'marked';

/** How one chat platform writes each piece of markdown. */
export interface Markup {
  /** Escapes plain text for the platform (Slack `&<>`, HTML entities, markdown punctuation). */
  text(s: string): string;
  strong(s: string): string;
  em(s: string): string;
  del(s: string): string;
  code(s: string): string;
  codeBlock(s: string): string;
  link(text: string, href: string): string;
  heading(s: string): string;
  quote(s: string): string;
  /** One list item, already rendered; `n` is its number in an ordered list. */
  item(s: string, n: number | null): string;
  /** Between blocks (paragraphs, lists) and between lines in one block. */
  blockGap: string;
  lineBreak: string;
}

const SAFE_HREF = /^(https?:|mailto:)/i;

/** Converts an update's markdown to a platform's markup with marked's lexer; raw HTML is dropped, unsafe links lose their target. */
export function convertMarkdown(markdown: string, markup: Markup): string {
  const tokens = new Lexer({ gfm: true, breaks: true }).lex(markdown);
  return blocks(tokens, markup).trim();
}

function blocks(tokens: readonly Token[], m: Markup): string {
  const out: string[] = [];
  for (const t of tokens) {
    const s = block(t, m);
    if (s.trim() !== '') out.push(s);
  }
  return out.join(m.blockGap);
}

function block(t: Token, m: Markup): string {
  switch (t.type) {
    case 'paragraph':
    case 'text':
      return 'tokens' in t && t.tokens ? inline(t.tokens, m) : m.text((t as Tokens.Text).text);
    case 'heading':
      return m.heading(inline((t as Tokens.Heading).tokens, m));
    case 'code':
      return m.codeBlock((t as Tokens.Code).text);
    case 'blockquote':
      return m.quote(blocks((t as Tokens.Blockquote).tokens, m));
    case 'list': {
      const list = t as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      return list.items.map((item, i) => m.item(blocks(item.tokens, { ...m, blockGap: m.lineBreak }), list.ordered ? start + i : null)).join(m.lineBreak);
    }
    case 'table': {
      const table = t as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => cells.map((c) => inline(c.tokens, m)).join(' | ');
      return [row(table.header), ...table.rows.map(row)].join(m.lineBreak);
    }
    case 'html':
      return m.text(stripTags((t as Tokens.HTML).text));
    case 'hr':
      return m.text('———');
    default:
      return '';
  }
}

function inline(tokens: readonly Token[], m: Markup): string {
  return tokens.map((t) => inlineOne(t, m)).join('');
}

function inlineOne(t: Token, m: Markup): string {
  switch (t.type) {
    case 'text':
      return 'tokens' in t && t.tokens ? inline(t.tokens, m) : m.text(decodeEntities((t as Tokens.Text).text));
    case 'escape':
      return m.text((t as Tokens.Escape).text);
    case 'strong':
      return m.strong(inline((t as Tokens.Strong).tokens, m));
    case 'em':
      return m.em(inline((t as Tokens.Em).tokens, m));
    case 'del':
      return m.del(inline((t as Tokens.Del).tokens, m));
    case 'codespan':
      return m.code(decodeEntities((t as Tokens.Codespan).text));
    case 'br':
      return m.lineBreak;
    case 'link': {
      const link = t as Tokens.Link;
      const label = inline(link.tokens, m);
      return SAFE_HREF.test(link.href) ? m.link(label, link.href) : label;
    }
    case 'image': {
      const image = t as Tokens.Image;
      return SAFE_HREF.test(image.href) ? m.link(m.text(image.text || image.href), image.href) : m.text(image.text);
    }
    case 'html':
      return '';
    default:
      return 'text' in t ? m.text(String(t.text)) : '';
  }
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, '')).trim();
}

// marked leaves entities that were in the source as written; the platforms escape again themselves.
function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _);
}

/** Cuts text to `max` characters on a character boundary, ending with an ellipsis when cut. */
export function truncate(s: string, max: number): string {
  // UTF-16 length, never less than what the platforms count, and never splitting a surrogate pair.
  if (s.length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}
