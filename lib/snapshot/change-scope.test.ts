import { describe, expect, it } from 'vitest';
import { EVERYTHING, mergeScopes, scopeOf } from '@/lib/snapshot/change-scope';
import { pagesTouched } from '@/lib/snapshot/page-invalidation';
import type { PublicPageIndex } from '@/lib/services/get-public-page-index';

const NOW = new Date('2026-12-01T10:00:00Z');
const index: PublicPageIndex = {
  incidentStarts: new Map([
    ['recent', '2026-11-20T00:00:00Z'],
    ['summer', '2026-07-10T00:00:00Z'],
    ['oldest', '2024-01-05T00:00:00Z'],
  ]),
  timeZone: 'UTC',
  historyPages: 12,
  historyPagesByComponent: new Map(),
  oldest: '2024-01-05T00:00:00Z',
  oldestByComponent: new Map(),
};

describe('change scopes', () => {
  it('name the incident of an incident or maintenance event, and everything for what they cannot tell', () => {
    expect(scopeOf({ type: 'incident.updated', incidentId: 'a', updateId: 'u' })).toMatchObject({ all: false, incidents: new Set(['a']), componentStatus: false });
    expect(scopeOf({ type: 'page.changed', what: 'incident', incidentId: 'a' }).incidents).toEqual(new Set(['a']));
    expect(scopeOf({ type: 'component.status_changed', componentId: 'c', oldStatus: 'operational', newStatus: 'major_outage', at: '' })).toMatchObject({ all: false, componentStatus: true });
    for (const event of [{ type: 'page.changed', what: 'settings' }, { type: 'page.changed', what: 'component' }, { type: 'page.changed', what: 'incident' }, { type: 'external.changed' }] as const) {
      expect(scopeOf(event), JSON.stringify(event)).toBe(EVERYTHING);
    }
  });

  it('coalesce into the union, everything winning', () => {
    const a = scopeOf({ type: 'incident.updated', incidentId: 'a', updateId: 'u' });
    const b = scopeOf({ type: 'maintenance.started', incidentId: 'b', updateId: 'u' });
    expect(mergeScopes(a, b).incidents).toEqual(new Set(['a', 'b']));
    expect(mergeScopes(a, EVERYTHING)).toBe(EVERYTHING);
    expect(mergeScopes(null, a)).toBe(a);
  });
});

describe('pages a change touched', () => {
  const touched = (id: string) => pagesTouched(scopeOf({ type: 'incident.updated', incidentId: id, updateId: 'u' }), index, NOW)!;

  it('are the incident page and the history pages of its months, whatever the component filter', () => {
    const drop = touched('summer');
    expect(drop('/incidents/summer')).toBe(true);
    expect(drop('/incidents/recent')).toBe(false);
    expect(drop('/history?page=2')).toBe(true);
    expect(drop('/history?page=2&component=c1')).toBe(true);
    expect(drop('/history')).toBe(false);
    expect(drop('/history?page=3')).toBe(false);
    expect(drop('/subscribe')).toBe(false);
    expect(touched('recent')('/history')).toBe(true);
  });

  it('are every history page for an incident the index does not know or on the last page', () => {
    for (const id of ['new', 'oldest']) {
      const drop = touched(id);
      expect(drop('/history?page=5')).toBe(true);
      expect(drop('/history')).toBe(true);
      expect(drop('/api')).toBe(false);
    }
  });

  it('are none of the cached pages for a component status, and all of them for everything', () => {
    const drop = pagesTouched(scopeOf({ type: 'component.status_changed', componentId: 'c', oldStatus: 'operational', newStatus: 'major_outage', at: '' }), index, NOW)!;
    expect(['/history', '/incidents/recent', '/subscribe', '/api'].some(drop)).toBe(false);
    expect(pagesTouched(EVERYTHING, index, NOW)).toBeUndefined();
  });
});
