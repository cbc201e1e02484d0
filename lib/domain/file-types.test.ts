import { describe, expect, it } from 'vitest';
import { demoTrace } from '@/lib/demo/pcap';
import { attachmentDisposition, cleanFileName, formatBytes, formatBytesIn, sniffFile } from '@/lib/domain/file-types';
import { checkFileLink, signFileLink } from '@/lib/domain/file-links';

const pcapng = new Uint8Array([0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x1c, 0, 0, 0]);

describe('incident file types', () => {
  it('accepts each kind when its bytes agree with its extension', () => {
    expect(sniffFile('trace.pcap', demoTrace(new Date(0)))).toMatchObject({ ok: true, kind: 'pcap' });
    expect(sniffFile('trace.PCAPNG', pcapng)).toMatchObject({ ok: true, kind: 'pcapng', contentType: 'application/x-pcapng' });
    expect(sniffFile('r.pdf', new TextEncoder().encode('%PDF-1.7\n'))).toMatchObject({ ok: true, kind: 'pdf' });
    expect(sniffFile('radius.log', new TextEncoder().encode('12:00 Access-Reject für 10.0.0.1\n'))).toMatchObject({ ok: true, kind: 'text' });
  });

  it('refuses a mismatch, naming the file', () => {
    expect(sniffFile('trace.pcap', pcapng)).toEqual({ ok: false, message: 'trace.pcap does not contain what its extension says: its content is not a network trace (pcap)' });
    expect(sniffFile('trace.pcapng', demoTrace(new Date(0)))).toMatchObject({ ok: false });
    expect(sniffFile('r.pdf', new TextEncoder().encode('<html>'))).toMatchObject({ ok: false });
    expect(sniffFile('a.log', new Uint8Array([0xff, 0xfe, 0x41]))).toMatchObject({ ok: false });
    expect(sniffFile('noextension', pcapng)).toMatchObject({ ok: false, message: expect.stringContaining('noextension is not a file type') });
  });

  it('builds a pcap whose records add up and whose IPv4 checksums verify', () => {
    const bytes = demoTrace(new Date('2026-06-01T11:00:00Z'), 3);
    const view = new DataView(bytes.buffer);
    let at = 24;
    let packets = 0;
    while (at < bytes.length) {
      const length = view.getUint32(at + 8, true);
      const ip = bytes.subarray(at + 16 + 14, at + 16 + 34);
      let sum = 0;
      for (let i = 0; i < 20; i += 2) sum += (ip[i]! << 8) | ip[i + 1]!;
      while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
      expect(sum).toBe(0xffff);
      at += 16 + length;
      packets++;
    }
    expect(at).toBe(bytes.length);
    expect(packets).toBe(3);
  });

  it('cleans names and quotes them for Content-Disposition', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\traces\\a\u202e.pcap')).toBe('a.pcap');
    expect(cleanFileName('/')).toBeUndefined();
    expect(cleanFileName(`${'x'.repeat(300)}.pcap`)).toHaveLength(200);
    expect(attachmentDisposition("Spur \"ä\" (1)'.pcap")).toBe(`attachment; filename="Spur ___ (1)'.pcap"; filename*=UTF-8''Spur%20%22%C3%A4%22%20%281%29%27.pcap`);
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });

  it('says a size in the reader\'s language, in the same steps', () => {
    // French puts a no-break space before its units.
    const plain = (bytes: number, locale: string) => formatBytesIn(bytes, locale).replace(/\s/g, ' ');
    expect(plain(1536, 'de')).toBe('1,5 kB');
    expect(plain(20 * 1024 * 1024, 'fr')).toBe('20 Mo');
    expect(plain(1024 * 1024 * 1.25, 'it')).toBe('1,3 MB');
    expect(plain(12, 'fr')).toBe('12 octets');
    expect(plain(1, 'de')).toBe('1 Byte');
    expect(plain(2048, 'en')).toBe('2 kB');
  });

  it('signs links that check only with the key, before the expiry', () => {
    const key = Buffer.from('k'.repeat(32));
    const now = new Date('2026-06-01T12:00:00Z');
    const link = signFileLink('file1', 'member1', now, key);
    expect(checkFileLink(link, link.signature, now, key)).toBe('valid');
    expect(checkFileLink(link, link.signature, new Date(now.getTime() + 10 * 60_000), key)).toBe('expired');
    expect(checkFileLink({ ...link, memberId: 'member2' }, link.signature, now, key)).toBe('invalid');
    expect(checkFileLink(link, link.signature, now, Buffer.from('j'.repeat(32)))).toBe('invalid');
    expect(checkFileLink(link, 'short', now, key)).toBe('invalid');
  });
});
