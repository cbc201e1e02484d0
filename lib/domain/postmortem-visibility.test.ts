import { describe, expect, it } from 'vitest';
import { defaultPostmortemVisibility, mayReadPostmortem } from '@/lib/domain/postmortem-visibility';

describe('defaultPostmortemVisibility', () => {
  it.each([
    ['critical', 'everyone'],
    ['operational', 'enterprise'],
    ['none', 'everyone'],
    [null, 'everyone'],
  ] as const)('%s incident → %s', (incidentClass, expected) => {
    expect(defaultPostmortemVisibility(incidentClass)).toBe(expected);
  });
});

describe('mayReadPostmortem', () => {
  it.each([
    ['everyone', [], true],
    ['business', [], false],
    ['enterprise', [], false],
    ['business', ['standard'], false],
    ['business', ['business'], true],
    ['business', ['enterprise'], true],
    ['enterprise', ['business'], false],
    ['enterprise', ['standard', 'enterprise'], true],
    ['enterprise', 'everything', true],
  ] as const)('%s read by %j → %s', (visibility, levels, expected) => {
    expect(mayReadPostmortem(visibility, levels === 'everything' ? levels : [...levels])).toBe(expected);
  });
});
