import { describe, expect, it } from 'vitest';
import { suggestImpact } from '@/lib/domain/incident-class';

describe('suggestImpact', () => {
  it.each([
    ['critical', null, [], 'critical'],
    ['critical', 1_000, ['EU'], 'critical'],
    ['critical', 999, ['EU'], 'major'],
    ['operational', 25, ['EU'], 'minor'],
    ['operational', 1_000, ['EU'], 'major'],
    ['operational', 50, ['EU', 'Americas'], 'major'],
    ['operational', null, [], 'minor'],
    ['none', 5_000, ['EU', 'APAC'], 'none'],
  ] as const)('%s with %s devices in %j → %s', (incidentClass, devices, regions, expected) => {
    expect(suggestImpact(incidentClass, { devices, regions: [...regions] })).toBe(expected);
  });
});
