import { describe, expect, it } from 'vitest';
import { mapComponents, subscriberKind, templateComponentRefs } from '@/lib/domain/statuspage-import/manage';

describe('what the importer makes of manage API subscribers and templates', () => {
  it('takes email and webhook subscribers; SMS, Slack and quarantined ones are not taken', () => {
    expect(subscriberKind({ id: 'a', mode: 'email', email: 'a@acme.test' })).toBe('email');
    expect(subscriberKind({ id: 'b', mode: 'webhook', endpoint: 'https://hooks.acme.test', email: 'a@acme.test' })).toBe('webhook');
    expect(subscriberKind({ id: 'c', mode: 'sms', phone_number: '2025550105' })).toBe('unsupported mode');
    expect(subscriberKind({ id: 'd', mode: 'slack' })).toBe('unsupported mode');
    expect(subscriberKind({ id: 'e', mode: 'email', email: 'a@acme.test', quarantined_at: '2024-01-01T00:00:00Z' })).toBe('quarantined');
    // No mode: the contact field given decides, as on create.
    expect(subscriberKind({ id: 'f', endpoint: 'https://hooks.acme.test' })).toBe('webhook');
  });

  it('maps component subscriptions: none listed is the whole page, none that came across is undefined', () => {
    const local = (id: string) => ({ x: 'L1', y: 'L2' })[id];
    expect(mapComponents(null, local)).toBe('all');
    expect(mapComponents([], local)).toBe('all');
    expect(mapComponents(['y', 'x', 'gone', 'x'], local)).toEqual(['L1', 'L2']);
    expect(mapComponents(['gone'], local)).toBeUndefined();
  });

  it('reads template components as objects or bare ids', () => {
    expect(templateComponentRefs({ id: 't', name: 'n', title: 't', components: [{ id: 'a' }, 'b'] })).toEqual(['a', 'b']);
    expect(templateComponentRefs({ id: 't', name: 'n', title: 't', components: null })).toEqual([]);
  });
});
