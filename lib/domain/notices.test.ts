import { describe, expect, it } from 'vitest';
import { atLevelOrAbove, audiencesOfTarget, describeTarget, noticeChangeRefused, noticeRecipients, openFor } from '@/lib/domain/notices';

const audiences = [
  { id: 'a', name: 'Acme', supportLevel: 'standard' as const },
  { id: 'b', name: 'Globex', supportLevel: 'business' as const },
  { id: 'c', name: 'Initech', supportLevel: 'enterprise' as const },
];

describe('notice targets', () => {
  it('business and up means business and enterprise, never standard', () => {
    expect(atLevelOrAbove('business', 'business')).toBe(true);
    expect(atLevelOrAbove('enterprise', 'business')).toBe(true);
    expect(atLevelOrAbove('standard', 'business')).toBe(false);
    expect(audiencesOfTarget(audiences, { kind: 'level', minLevel: 'business' }).map((a) => a.id)).toEqual(['b', 'c']);
    expect(audiencesOfTarget(audiences, { kind: 'level', minLevel: 'enterprise' }).map((a) => a.id)).toEqual(['c']);
  });
  it('by name keeps the order given and drops unknown ids', () => {
    expect(audiencesOfTarget(audiences, { kind: 'audiences', audienceIds: ['c', 'zz', 'a'] }).map((a) => a.id)).toEqual(['c', 'a']);
  });
  it('a member of two chosen audiences gets one message', () => {
    const rows = [
      { memberId: 'm1', email: 'x@a.example' },
      { memberId: 'm1', email: 'x@a.example' },
      { memberId: 'm2', email: 'y@b.example' },
    ];
    expect(noticeRecipients(rows).map((r) => r.email)).toEqual(['x@a.example', 'y@b.example']);
  });
  it('says whom it went to', () => {
    expect(describeTarget('business', ['Globex', 'Initech'])).toBe('Business and up');
    expect(describeTarget('enterprise', ['Initech'])).toBe('Enterprise audiences');
    expect(describeTarget(null, ['Globex'])).toBe('Globex');
  });
});

describe('notice lifecycle', () => {
  it('only an open notice can be closed or promoted', () => {
    expect(noticeChangeRefused('open')).toBeNull();
    expect(noticeChangeRefused('closed')).toMatch(/closed/);
    expect(noticeChangeRefused('promoted')).toMatch(/promoted/);
  });
  it('counts open time from the clock passed in', () => {
    const now = new Date('2026-12-03T10:00:00Z');
    expect(openFor('2026-12-03T09:59:30Z', now)).toBe('under a minute');
    expect(openFor('2026-12-03T09:48:00Z', now)).toBe('12 min');
    expect(openFor('2026-12-03T07:00:00Z', now)).toBe('3 h');
    expect(openFor('2026-11-30T10:00:00Z', now)).toBe('3 days');
  });
});
