import { describe, expect, it } from 'vitest';
import { actionPhrase, auditPlace, nameInEntry, shortValue } from '@/lib/domain/audit-links';

describe('audit log wording', () => {
  it('links each object to the console page that shows it', () => {
    expect(auditPlace('incident', 'abc')).toEqual({ label: 'incident', href: '/admin/incidents/abc' });
    expect(auditPlace('maintenance', 'm1').href).toBe('/admin/maintenance/m1');
    expect(auditPlace('api_key', 'k').label).toBe('API key');
    expect(auditPlace('something_new', 'x')).toEqual({ label: 'something new', href: null });
  });

  it('reads actions and names as people say them', () => {
    expect(actionPhrase('operator.two_factor_enable')).toBe('turned on two-factor for');
    expect(actionPhrase('component.status')).toBe('set the status of');
    expect(actionPhrase('widget.frob_knob')).toBe('frob knob');
    expect(shortValue('degraded_performance')).toBe('degraded performance');
    expect(shortValue({ a: 1 })).toBeUndefined();
    expect(nameInEntry({ name: 'Old' }, { name: 'New' })).toBe('New');
    expect(nameInEntry({ email: 'a@b.c' }, null)).toBe('a@b.c');
    expect(nameInEntry(null, null)).toBeUndefined();
  });
});
