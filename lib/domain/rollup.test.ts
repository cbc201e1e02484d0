import { describe, it, expect } from 'vitest';
import { pageStatus, PAGE_STATUSES } from '@/lib/domain/rollup';
import { COMPONENT_STATUSES, INDICATORS, type ComponentStatus, type Impact } from '@/lib/domain/status';

// Expected outcomes, written by hand from the Statuspage wording (not derived from the code).
const EXPECTED = {
  ok: { indicator: 'none', description: 'All Systems Operational' },
  mnt: { indicator: 'maintenance', description: 'Service Under Maintenance' },
  deg: { indicator: 'minor', description: 'Partially Degraded Service' },
  min: { indicator: 'minor', description: 'Minor Service Outage' },
  maj: { indicator: 'major', description: 'Partial System Outage' },
  crit: { indicator: 'critical', description: 'Major System Outage' },
} as const;
type Code = keyof typeof EXPECTED;

// Columns: each impact set, first with maintenanceInProgress false, then true.
const IMPACT_SETS: readonly (readonly Impact[])[] = [
  [], // no unresolved incident
  ['none'],
  ['minor'],
  ['major'],
  ['critical'],
  ['none', 'minor', 'major'],
];

const O = 'operational', M = 'under_maintenance', D = 'degraded_performance', P = 'partial_outage', X = 'major_outage';

//                                                    []        none      minor     major     critical   none+minor+major
const TABLE: [readonly ComponentStatus[], string][] = [
  [[],                /* no components */            'ok   mnt  ok   mnt  min  min  maj  maj  crit crit maj  maj'],
  [[O],                                              'ok   mnt  ok   mnt  min  min  maj  maj  crit crit maj  maj'],
  [[M],                                              'mnt  mnt  mnt  mnt  min  min  maj  maj  crit crit maj  maj'],
  [[D],                                              'deg  deg  deg  deg  min  min  maj  maj  crit crit maj  maj'],
  [[P],                                              'min  min  min  min  min  min  maj  maj  crit crit maj  maj'],
  [[X],               /* every component down */     'crit crit crit crit crit crit crit crit crit crit crit crit'],
  [[X, X, X],                                        'crit crit crit crit crit crit crit crit crit crit crit crit'],
  [[O, X],            /* some components down */     'maj  maj  maj  maj  maj  maj  maj  maj  crit crit maj  maj'],
  [[M, X],                                           'maj  maj  maj  maj  maj  maj  maj  maj  crit crit maj  maj'],
  [[O, M],                                           'mnt  mnt  mnt  mnt  min  min  maj  maj  crit crit maj  maj'],
  [[O, D],                                           'deg  deg  deg  deg  min  min  maj  maj  crit crit maj  maj'],
  [[M, D],                                           'deg  deg  deg  deg  min  min  maj  maj  crit crit maj  maj'],
  [[D, P],            /* outage beats degradation */ 'min  min  min  min  min  min  maj  maj  crit crit maj  maj'],
  [[P, D, O, M],                                     'min  min  min  min  min  min  maj  maj  crit crit maj  maj'],
  [[O, M, D, P, X],                                  'maj  maj  maj  maj  maj  maj  maj  maj  crit crit maj  maj'],
];

describe('pageStatus', () => {
  for (const [components, row] of TABLE) {
    const codes = row.trim().split(/\s+/) as Code[];
    it(`has a full row for [${components.join(', ')}]`, () => {
      expect(codes).toHaveLength(IMPACT_SETS.length * 2);
    });
    IMPACT_SETS.forEach((impacts, i) => {
      for (const [j, maintenanceInProgress] of [false, true].entries()) {
        const expected = EXPECTED[codes[i * 2 + j]!];
        it(`[${components.join(', ')}] × impacts [${impacts.join(', ')}] × maintenance ${maintenanceInProgress} → ${expected.description}`, () => {
          const input = { componentStatuses: components, unresolvedIncidentImpacts: impacts, maintenanceInProgress };
          expect(pageStatus(input)).toEqual(expected);
          // Order of components and incidents never matters.
          const reversed = { ...input, componentStatuses: [...components].reverse(), unresolvedIncidentImpacts: [...impacts].reverse() };
          expect(pageStatus(reversed)).toEqual(expected);
        });
      }
    });
  }

  it('covers every single component status in the table', () => {
    for (const status of COMPONENT_STATUSES) {
      expect(TABLE.some(([c]) => c.length === 1 && c[0] === status)).toBe(true);
    }
  });

  it('orders its statuses by indicator severity', () => {
    const positions = PAGE_STATUSES.map((s) => INDICATORS.indexOf(s.indicator));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('returns a fresh object each call', () => {
    const input = { componentStatuses: [], unresolvedIncidentImpacts: [], maintenanceInProgress: false };
    expect(pageStatus(input)).not.toBe(pageStatus(input));
  });
});
