import { describe, expect, it } from 'vitest';
import { memberTokenFor } from '@/lib/http/member-bypass';

describe('which requests skip the public snapshot', () => {
  it('only pages a member sees differently, and only with a member cookie', () => {
    const cookie = 'theme=dark; beacon_member=abc_DEF-123; other=1';
    expect(memberTokenFor('/', cookie)).toBe('abc_DEF-123');
    expect(memberTokenFor('/incidents/abcdefghijkl', cookie)).toBe('abc_DEF-123');
    expect(memberTokenFor('/components/abcdefghijkl', cookie)).toBe('abc_DEF-123');
    // The same pages in another language: a member on /fr must not get the public French snapshot.
    for (const path of ['/fr', '/de/incidents/abcdefghijkl', '/es/components/abcdefghijkl', '/en']) expect(memberTokenFor(path, cookie), path).toBe('abc_DEF-123');
    // Feeds, the v2 API, badges and other pages are the same for everyone: always the snapshot.
    for (const path of ['/api/v2/summary.json', '/history.rss', '/badge.svg', '/history', '/incidents/x/y', '/api/page/overview.json', '/de/history', '/xx', '/de/api/v2/summary.json']) {
      expect(memberTokenFor(path, cookie), path).toBeUndefined();
    }
    expect(memberTokenFor('/', undefined)).toBeUndefined();
    expect(memberTokenFor('/', 'beacon_member=')).toBeUndefined();
    expect(memberTokenFor('/', 'not_beacon_member=abc')).toBeUndefined();
  });
});
