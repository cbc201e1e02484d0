import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { etagFor, matchesEtag, pickEncoding, represent } from '@/lib/snapshot/representation';

describe('representations', () => {
  const body = JSON.stringify({ text: 'x'.repeat(5000), n: [1, 2, 3] });
  const rep = represent(body, { 'content-type': 'application/json' });

  it('precompresses to bytes that decode to the original', () => {
    expect(gunzipSync(rep.gzip!).toString()).toBe(body);
    expect(brotliDecompressSync(rep.br!).toString()).toBe(body);
    expect(represent('tiny', {}).gzip).toBeNull();
  });

  it('has a strong ETag that changes with the content', () => {
    expect(rep.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(represent(body, {}).etag).toBe(rep.etag);
    expect(represent(`${body} `, {}).etag).not.toBe(rep.etag);
  });

  it('answers If-None-Match for any encoding of the same bytes, a list, a weak form or *', () => {
    expect(matchesEtag(rep.etag, rep.etag)).toBe(true);
    expect(matchesEtag(etagFor(rep, 'br'), rep.etag)).toBe(true);
    expect(matchesEtag(`"other", W/${etagFor(rep, 'gzip')}`, rep.etag)).toBe(true);
    expect(matchesEtag('*', rep.etag)).toBe(true);
    expect(matchesEtag('"other"', rep.etag)).toBe(false);
    expect(matchesEtag(undefined, rep.etag)).toBe(false);
  });

  it('prefers brotli, then gzip, then identity', () => {
    expect(pickEncoding(rep, 'gzip, deflate, br')).toBe('br');
    expect(pickEncoding(rep, 'gzip')).toBe('gzip');
    expect(pickEncoding(rep, undefined)).toBeNull();
  });
});
