import { describe, expect, it } from 'vitest';
import { seesMoreThanPublic, type VisibilityIndex } from '@/lib/domain/visibility';

function index(over: Partial<VisibilityIndex> = {}): VisibilityIndex {
  return {
    components: new Map(),
    groups: new Map(),
    incidents: new Map(),
    componentGroup: new Map(),
    audienceNames: new Map([['initech', 'Initech Fleet'], ['globex', 'Globex Logistics'], ['acme', 'Acme Meters']]),
    audienceLevels: new Map([['initech', 'enterprise'], ['globex', 'business'], ['acme', 'standard']]),
    postmortems: new Map(),
    ...over,
  };
}

describe('whether audiences may see more than the public', () => {
  it('is false with nothing limited to them and no postmortem their level reaches', () => {
    expect(seesMoreThanPublic(index(), ['initech'])).toBe(false);
    expect(seesMoreThanPublic(index({ components: new Map([['tunnel', ['initech']]]) }), ['globex'])).toBe(false);
  });

  it('is true for a component, group or incident limited to one of them', () => {
    expect(seesMoreThanPublic(index({ components: new Map([['tunnel', ['initech']]]) }), ['initech'])).toBe(true);
    expect(seesMoreThanPublic(index({ groups: new Map([['initech-group', ['initech']]]) }), ['globex', 'initech'])).toBe(true);
    expect(seesMoreThanPublic(index({ incidents: new Map([['i1', ['globex']]]) }), ['globex'])).toBe(true);
  });

  it('is true when their support level reaches a postmortem not for everyone', () => {
    const postmortems = new Map([['i1', 'enterprise' as const]]);
    expect(seesMoreThanPublic(index({ postmortems }), ['initech'])).toBe(true);
    expect(seesMoreThanPublic(index({ postmortems }), ['globex'])).toBe(false);
    expect(seesMoreThanPublic(index({ postmortems: new Map([['i1', 'business' as const]]) }), ['globex'])).toBe(true);
    expect(seesMoreThanPublic(index({ postmortems }), ['acme'])).toBe(false);
  });
});
