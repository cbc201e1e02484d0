import { describe, expect, it } from 'vitest';
import type { PublicPageIndex } from '@/lib/services/get-public-page-index';
import { scopeOf } from '@/lib/snapshot/change-scope';
import { pagesTouched } from '@/lib/snapshot/page-invalidation';
import { pageKeyFor, UPTIME_INVALID_KEY } from '@/lib/snapshot/page-keys';

const index: PublicPageIndex = {
  incidentStarts: new Map([['abc', '2026-01-01T00:00:00.000Z']]),
  timeZone: 'UTC',
  historyPages: 5,
  historyPagesByComponent: new Map([['vpn', 2], ['sms', 1]]),
  oldest: null,
  oldestByComponent: new Map(),
  groupIds: new Set(['core']),
};
const key = (path: string) => {
  const q = path.indexOf('?');
  return pageKeyFor(q < 0 ? path : path.slice(0, q), new URLSearchParams(q < 0 ? '' : path.slice(q + 1)), index);
};

describe('snapshot keys of component pages and the SLA report', () => {
  it('serves a page per component and group, a 404 for anything else', () => {
    expect(key('/components/vpn')).toEqual({ kind: 'page', key: '/components/vpn' });
    expect(key('/components/core?utm=x')).toEqual({ kind: 'page', key: '/components/core' });
    for (const bad of ['/components/nope', '/components/%E0%A4%A', '/components/abc']) expect(key(bad)).toEqual({ kind: 'not-found', page: 'page' });
  });

  it('gives one report one key, and every bad parameter the one 404 key', () => {
    expect(key('/uptime')).toEqual({ kind: 'page', key: '/uptime' });
    expect(key('/uptime?period=&from=&to=&x=1')).toEqual({ kind: 'page', key: '/uptime' });
    expect(key('/uptime?period=2026-Q1&component=vpn&component=sms')).toEqual({ kind: 'page', key: '/uptime?component=sms&component=vpn&period=2026-Q1' });
    for (const bad of ['/uptime?period=soon', '/uptime?component=nope', '/uptime?from=2026-01-01', '/uptime?from=2026-02-01&to=2026-01-01', `/uptime?component=${'x'.repeat(300)}`]) {
      expect(key(bad), bad).toEqual({ kind: 'page', key: UPTIME_INVALID_KEY });
    }
  });

  it('drops component pages and reports on a component status change and on an incident change', () => {
    const status = pagesTouched(scopeOf({ type: 'component.status_changed', componentId: 'vpn', oldStatus: 'operational', newStatus: 'major_outage', at: '' }), index, new Date('2026-12-01T00:00:00Z'))!;
    expect(['/components/vpn', '/uptime', '/uptime?period=2026'].map(status)).toEqual([true, true, true]);
    expect(status('/incidents/abc')).toBe(false);
    const incident = pagesTouched(scopeOf({ type: 'incident.updated', incidentId: 'abc', updateId: 'u' }), index, new Date('2026-12-01T00:00:00Z'))!;
    expect(['/components/core', '/uptime?component=vpn'].map(incident)).toEqual([true, true]);
  });
});
