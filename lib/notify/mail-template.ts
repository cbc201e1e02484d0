import { randomBytes } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { foldLines } from 'nodemailer/lib/mime-funcs';
import MimeNode from 'nodemailer/lib/mime-node';
import { encode, wrap } from 'nodemailer/lib/qp';

/** One message as nodemailer takes it; `date` is stamped at each send. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

/** A piece of a message that differs per recipient: a header field or one line of a body part. */
type Slot = { header: string; value: string } | { date: string } | { line: string };

/**
 * A message composed by nodemailer once, with markers where each recipient's values go, cut
 * into the bytes all recipients share and the few header fields and body lines that hold a
 * marker. Stamping re-encodes only those, the way nodemailer encodes them, so a stamped
 * message is byte for byte the one nodemailer composes for that recipient (see the test).
 */
export interface MailTemplate {
  parts: (Buffer | Slot)[];
  markers: readonly string[];
  /** The envelope sender: the address of From. */
  envelopeFrom: string;
}

/**
 * Marker strings no content holds (a random nonce) that HTML escaping leaves alone, shaped like
 * an address so a To header holding one is kept by nodemailer.
 */
export function newMarkers<const K extends string>(names: readonly K[]): Record<K, string> {
  const nonce = randomBytes(9).toString('hex');
  return Object.fromEntries(names.map((n, i) => [n, `m${i}x${nonce}@marker.invalid`])) as Record<K, string>;
}

const MAX_LINE = 76;
const CRLF = /\r?\n/;
/** Encodes header values as a message node does (its constructor draws random bytes: one for all). */
const headerEncoder = new MimeNode('text/plain');

/**
 * Composes `message` (whose values hold the markers) with nodemailer, both bodies quoted-printable
 * and with CRLF line ends (quoted-printable wraps each CRLF-ended line on its own, so a body line
 * can be re-encoded alone), and cuts it at every field and line holding a marker.
 */
export async function compileTemplate(message: MailMessage, markers: readonly string[]): Promise<MailTemplate> {
  const lineMark = `line${randomBytes(9).toString('hex')}`;
  const lines: string[] = [];
  const holdMarkers = (body: string) =>
    body
      .split(CRLF)
      .map((l) => (markers.some((m) => l.includes(m)) ? `${lineMark}x${lines.push(l) - 1}x` : l))
      .join('\r\n');
  const raw = await new MailComposer({
    from: message.from,
    to: message.to,
    subject: message.subject,
    messageId: message.messageId,
    headers: message.headers,
    date: new Date(0),
    text: { content: holdMarkers(message.text), contentTransferEncoding: 'quoted-printable' },
    html: { content: holdMarkers(message.html), contentTransferEncoding: 'quoted-printable' },
  })
    .compile()
    .build();
  const source = raw.toString('latin1');
  const headEnd = source.indexOf('\r\n\r\n');
  const inputs = new Map<string, string>([
    ['to', message.to],
    ['message-id', message.messageId],
    ...Object.entries(message.headers).map(([k, v]) => [k.toLowerCase(), v] as [string, string]),
  ]);

  const parts: (Buffer | Slot)[] = [];
  let shared = '';
  const flush = () => {
    if (shared) parts.push(Buffer.from(shared, 'latin1'));
    shared = '';
  };
  // Header fields, each with its folded continuation lines.
  for (const field of source.slice(0, headEnd).split(/\r\n(?![ \t])/)) {
    const key = field.slice(0, field.indexOf(':'));
    const input = inputs.get(key.toLowerCase());
    if (key.toLowerCase() === 'date') {
      flush();
      parts.push({ date: key });
    } else if (input !== undefined && markers.some((m) => input.includes(m))) {
      flush();
      parts.push({ header: key, value: input });
    } else {
      shared += field;
    }
    shared += '\r\n';
  }
  // The bodies (from the blank line on): every held line comes back as its marker line, whole.
  const body = source.slice(headEnd + 2);
  const held = new RegExp(`${lineMark}x(\\d+)x`, 'g');
  let at = 0;
  for (const match of body.matchAll(held)) {
    shared += body.slice(at, match.index);
    flush();
    parts.push({ line: lines[Number(match[1])]! });
    at = match.index + match[0].length;
  }
  shared += body.slice(at);
  flush();
  if (parts.filter((p) => 'line' in p).length !== lines.length) throw new Error('A held body line did not come back from the composer whole');

  const [sender] = addressparser(message.from, { flatten: true });
  return { parts, markers, envelopeFrom: sender?.address ?? message.from };
}

/** The message for one recipient: `values[i]` replaces `template.markers[i]`. */
export function stampTemplate(template: MailTemplate, values: readonly string[], date: Date): Buffer {
  const fill = (s: string) => template.markers.reduce((out, m, i) => out.replaceAll(m, values[i]!), s);
  const chunks = template.parts.map((p) => {
    if (Buffer.isBuffer(p)) return p;
    if ('line' in p) return Buffer.from(wrap(encode(fill(p.line)), MAX_LINE), 'latin1');
    const [key, value] = 'date' in p ? [p.date, date] : [p.header, fill(p.value)];
    return Buffer.from(foldLines(`${key}: ${headerEncoder.encodeHeaderValue(key, value)}`, MAX_LINE), 'utf8');
  });
  return Buffer.concat(chunks);
}
