/**
 * What an incident file may be (issue #16 part 5): a network trace (pcap, pcapng), a PDF report,
 * or a text log. The extension says what the operator means; the first bytes must agree, so a
 * renamed executable is refused rather than handed to a customer's Wireshark. Pure.
 */

/** The kinds, and how each is served. */
export const FILE_KINDS = {
  pcap: { label: 'Network trace (pcap)', contentType: 'application/vnd.tcpdump.pcap', extensions: ['pcap', 'cap'] },
  pcapng: { label: 'Network trace (pcapng)', contentType: 'application/x-pcapng', extensions: ['pcapng'] },
  pdf: { label: 'PDF document', contentType: 'application/pdf', extensions: ['pdf'] },
  text: { label: 'Text log', contentType: 'text/plain; charset=utf-8', extensions: ['txt', 'log'] },
} as const;

export type FileKind = keyof typeof FILE_KINDS;

/** The extensions the upload form accepts, for its `accept` attribute and its messages. */
export const ACCEPTED_EXTENSIONS = Object.values(FILE_KINDS).flatMap((k) => k.extensions.map((e) => `.${e}`));

/** The four byte orders and resolutions of the classic libpcap header's magic number. */
const PCAP_MAGICS = ['a1b2c3d4', 'd4c3b2a1', 'a1b23c4d', '4d3cb2a1'];

const hex = (bytes: Uint8Array, from: number, to: number) => [...bytes.subarray(from, to)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Whether the bytes start like a file of `kind`. */
export function contentMatches(kind: FileKind, bytes: Uint8Array): boolean {
  switch (kind) {
    case 'pcap':
      return bytes.length >= 24 && PCAP_MAGICS.includes(hex(bytes, 0, 4));
    case 'pcapng':
      // A Section Header Block (type 0x0A0D0D0A) whose byte-order magic is 0x1A2B3C4D either way round.
      return bytes.length >= 28 && hex(bytes, 0, 4) === '0a0d0d0a' && ['1a2b3c4d', '4d3c2b1a'].includes(hex(bytes, 8, 12));
    case 'pdf':
      return bytes.length >= 8 && hex(bytes, 0, 5) === '255044462d' /* %PDF- */;
    case 'text':
      return isText(bytes);
  }
}

/** UTF-8 without NUL bytes (what a log is; a binary renamed .log is not). */
function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The kind an extension names, or undefined. */
export function kindOfName(name: string): FileKind | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (!extension) return undefined;
  return (Object.keys(FILE_KINDS) as FileKind[]).find((k) => (FILE_KINDS[k].extensions as readonly string[]).includes(extension));
}

export type SniffResult = { ok: true; kind: FileKind; contentType: string } | { ok: false; message: string };

/** Checks a file's name against its first bytes; the message names the file. */
export function sniffFile(name: string, bytes: Uint8Array): SniffResult {
  const kind = kindOfName(name);
  if (!kind) return { ok: false, message: `${name} is not a file type Beacon accepts (${ACCEPTED_EXTENSIONS.join(', ')})` };
  if (!contentMatches(kind, bytes)) {
    return { ok: false, message: `${name} does not contain what its extension says: its content is not a ${FILE_KINDS[kind].label.replace(/^./, (c) => c.toLowerCase())}` };
  }
  return { ok: true, kind, contentType: FILE_KINDS[kind].contentType };
}

/**
 * A file name safe to store and show: the last path segment, no control or bidi characters,
 * at most 200 characters (the extension kept). Undefined when nothing is left.
 */
export function cleanFileName(raw: string): string | undefined {
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (!base || base === '.' || base === '..') return undefined;
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 200 - extension.length) + extension;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A size for people: 1 KB = 1024 bytes, one decimal below 10. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)} ${units[unit]}`;
}

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * formatBytes in a reader's language: their decimal mark and unit symbols (`1,5 MB`, `1,5 Mo`,
 * `12 octets`), the same 1024 steps and rounding.
 */
export function formatBytesIn(bytes: number, locale: string): string {
  if (bytes < 1024) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: BYTE_UNITS[unit], maximumFractionDigits: digits }).format(digits ? Number(value.toFixed(1)) : Math.round(value));
}
