import { describe, expect, it } from 'vitest';
import type { PublicPageIndex } from '@/lib/services/get-public-page-index';
import { pageKeyFor } from '@/lib/snapshot/page-keys';

const index: PublicPageIndex = {
  incidentStarts: new Map([['abc', '2026-01-01T00:00:00.000Z']]),
  timeZone: 'UTC',
  historyPages: 5,
  historyPagesByComponent: new Map([['vpn', 2]]),
  oldest: null,
  oldestByComponent: new Map(),
};
const key = (path: string) => {
  const q = path.indexOf('?');
  return pageKeyFor(q < 0 ? path : path.slice(0, q), new URLSearchParams(q < 0 ? '' : path.slice(q + 1)), index);
};

describe('pageKeyFor on /history', () => {
  it('normalises the page and component, the same on every (remembered) ask', () => {
    for (let round = 0; round < 2; round++) {
      expect(key('/history')).toEqual({ kind: 'page', key: '/history' });
      expect(key('/history?page=1&utm=x')).toEqual({ kind: 'page', key: '/history' });
      expect(key('/history?page=3')).toEqual({ kind: 'page', key: '/history?page=3' });
      expect(key('/history?page=junk')).toEqual({ kind: 'page', key: '/history' });
      expect(key('/history?component=vpn&page=2')).toEqual({ kind: 'page', key: '/history?page=2&component=vpn' });
    }
  });

  it('is a 404 past the last page or for an unknown component, however many junk values came before', () => {
    for (let i = 0; i < 1_500; i++) key(`/history?page=${i}&component=x${i}`);
    expect(key('/history?page=6')).toEqual({ kind: 'not-found', page: 'page' });
    expect(key('/history?component=vpn&page=3')).toEqual({ kind: 'not-found', page: 'page' });
    // A value that is no component id at all is dropped, as the page itself drops it.
    expect(key(`/history?component=${'a'.repeat(500)}`)).toEqual({ kind: 'page', key: '/history' });
    expect(key('/history?page=5')).toEqual({ kind: 'page', key: '/history?page=5' });
  });
});
