import { describe, expect, it } from 'vitest';
import { audiencesOfViewer, variantReaches, viewerKey } from '@/lib/domain/alert-viewers';

describe('alert viewers', () => {
  it('keys a set of audiences the same whatever the order, and no audience as the public', () => {
    expect(viewerKey(['b', 'a', 'b'])).toBe('a,b');
    expect(viewerKey(['a', 'b'])).toBe(viewerKey(['b', 'a']));
    expect(viewerKey([])).toBeNull();
    expect(audiencesOfViewer('a,b')).toEqual(['a', 'b']);
  });

  it('gives every subscriber exactly one of an alert’s variants', () => {
    const variants = [
      { viewer: null, otherViewers: ['acme', 'acme,globex'] },
      { viewer: 'acme', otherViewers: [] },
      { viewer: 'acme,globex', otherViewers: [] },
    ];
    for (const subscriber of [null, 'acme', 'globex', 'acme,globex']) {
      const reached = variants.filter((v) => variantReaches(v, subscriber));
      expect(reached, String(subscriber)).toHaveLength(1);
    }
    expect(variants.filter((v) => variantReaches(v, 'globex'))[0]!.viewer).toBeNull();
    expect(variants.filter((v) => variantReaches(v, 'acme'))[0]!.viewer).toBe('acme');
  });

  it('sends a viewer’s variant to nobody else, and the public one to a member without one', () => {
    expect(variantReaches({ viewer: 'acme', otherViewers: [] }, null)).toBe(false);
    expect(variantReaches({ viewer: 'acme', otherViewers: [] }, 'acme,globex')).toBe(false);
    expect(variantReaches({ viewer: null, otherViewers: [] }, 'acme')).toBe(true);
  });
});
