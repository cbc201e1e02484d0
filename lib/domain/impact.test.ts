import { describe, it, expect } from 'vitest';
import { effectiveImpact, impactFromStatuses } from '@/lib/domain/impact';
import { IMPACTS, type ComponentStatus, type Impact } from '@/lib/domain/status';

describe('impactFromStatuses', () => {
  const cases: [readonly ComponentStatus[], Impact][] = [
    [[], 'none'],
    [['operational'], 'none'],
    [['under_maintenance'], 'none'],
    [['degraded_performance'], 'minor'],
    [['partial_outage'], 'major'],
    [['major_outage'], 'critical'],
    [['operational', 'under_maintenance'], 'none'],
    [['operational', 'degraded_performance'], 'minor'],
    [['degraded_performance', 'partial_outage', 'operational'], 'major'],
    [['major_outage', 'degraded_performance', 'partial_outage'], 'critical'],
  ];
  for (const [statuses, expected] of cases) {
    it(`[${statuses.join(', ')}] → ${expected}`, () => {
      expect(impactFromStatuses(statuses)).toBe(expected);
    });
  }
});

describe('effectiveImpact', () => {
  for (const derived of IMPACTS) {
    it(`keeps ${derived} without an override`, () => {
      expect(effectiveImpact(derived, null)).toBe(derived);
      expect(effectiveImpact(derived, undefined)).toBe(derived);
    });
    for (const override of IMPACTS) {
      it(`lets override ${override} win over ${derived}`, () => {
        expect(effectiveImpact(derived, override)).toBe(override);
      });
    }
  }
});
