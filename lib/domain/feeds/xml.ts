/** Characters XML 1.0 forbids outright; a name holding one would make the whole feed unreadable. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for XML element content and attribute values. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(FORBIDDEN, '');
}

/**
 * Plain text for the `feed` package's text fields. Its serializer (xml-js) turns every `&amp;`
 * back into `&` before escaping, so `&` is escaped once here to survive that round exactly; it
 * strips no forbidden character, so that is done here too.
 */
export function feedText(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/&/g, '&amp;');
}

/**
 * HTML for the `feed` package's CDATA fields. xml-js splits only the first `]]>`, so any later one
 * would end the CDATA early; `]]&gt;` reads the same in HTML and cannot.
 */
export function feedHtml(html: string): string {
  return html.replace(FORBIDDEN, '').replaceAll(']]>', ']]&gt;');
}
