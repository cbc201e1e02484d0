import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { etagFor, matchesEtag, pickEncoding, refineCompression, represent } from '@/lib/snapshot/representation';

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

  it('compresses a large body fast at first, then recompresses it smaller at the best levels', async () => {
    const big = JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ id: i, name: `Component ${i}`, status: i % 7 ? 'operational' : 'partial_outage' })));
    const fast = represent(big, { 'content-type': 'application/json' });
    expect(fast.compression).toBe('fast');
    const fastBr = fast.br!;
    const fastTag = etagFor(fast, 'br');
    expect(matchesEtag(fastTag, fast.etag)).toBe(true);

    expect(await refineCompression(() => false)).toBeGreaterThanOrEqual(1);
    expect(fast.compression).toBe('best');
    expect(fast.br!.length).toBeLessThan(fastBr.length);
    expect(brotliDecompressSync(fast.br!).toString()).toBe(big);
    expect(gunzipSync(fast.gzip!).toString()).toBe(big);
    // Other bytes, another ETag for the encoding; the identity ETag stays, and both still match.
    expect(etagFor(fast, 'br')).not.toBe(fastTag);
    expect(matchesEtag(fastTag, fast.etag)).toBe(true);
    // The same bytes built again get the best variants at once.
    expect(represent(big, {}).compression).toBe('best');
  });

  it('leaves the refinement to a later call when told to stop', async () => {
    represent(`${'y'.repeat(9000)}-a`, {});
    expect(await refineCompression(() => true)).toBe(0);
    expect(await refineCompression()).toBeGreaterThanOrEqual(1);
  });
});
