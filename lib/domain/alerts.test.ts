import { describe, expect, it } from 'vitest';
import { alertKey, alertKindOf, reminderDue, wantsAlert, type SubscriberPreferences } from '@/lib/domain/alerts';
import { alertSubject, alertTime } from '@/lib/domain/alert-subject';

const sub = (over: Partial<SubscriberPreferences> = {}): SubscriberPreferences => ({
  kind: 'email',
  events: 'all',
  maintenance: true,
  allComponents: true,
  componentIds: new Set(),
  ...over,
});

describe('who gets which alert', () => {
  it('maps committed changes to alert kinds, ignoring page edits', () => {
    expect(alertKindOf({ type: 'incident.postmortem_published', incidentId: 'a' })).toBe('incident.postmortem');
    expect(alertKindOf({ type: 'component.status_changed', componentId: 'c', oldStatus: 'operational', newStatus: 'major_outage', at: 'x' })).toBe('component.updated');
    expect(alertKindOf({ type: 'page.changed', what: 'settings' })).toBeNull();
  });

  it('sends only milestones to start-and-resolution subscribers', () => {
    const s = sub({ events: 'start_and_resolution' });
    expect(wantsAlert(s, { kind: 'incident.created', componentIds: [] })).toBe(true);
    expect(wantsAlert(s, { kind: 'incident.updated', componentIds: [] })).toBe(false);
    expect(wantsAlert(s, { kind: 'incident.resolved', componentIds: [] })).toBe(true);
    expect(wantsAlert(s, { kind: 'maintenance.started', componentIds: [] })).toBe(true);
  });

  it('filters by component; an alert naming no component reaches everyone', () => {
    const s = sub({ allComponents: false, componentIds: new Set(['sms']) });
    expect(wantsAlert(s, { kind: 'incident.created', componentIds: ['data'] })).toBe(false);
    expect(wantsAlert(s, { kind: 'incident.created', componentIds: ['data', 'sms'] })).toBe(true);
    expect(wantsAlert(s, { kind: 'incident.created', componentIds: [] })).toBe(true);
    expect(wantsAlert(sub(), { kind: 'incident.created', componentIds: ['anything'] })).toBe(true);
  });

  it('keeps maintenance from those who said no, and component changes to webhooks', () => {
    expect(wantsAlert(sub({ maintenance: false }), { kind: 'maintenance.scheduled', componentIds: [] })).toBe(false);
    expect(wantsAlert(sub(), { kind: 'component.updated', componentIds: [] })).toBe(false);
    expect(wantsAlert(sub({ kind: 'webhook' }), { kind: 'component.updated', componentIds: [] })).toBe(true);
  });

  it('keys alerts by what caused them', () => {
    expect(alertKey('incident.updated', { updateId: 'u1', incidentId: 'i1' })).toBe('incident.updated:u1');
    expect(alertKey('incident.postmortem', { incidentId: 'i1' })).toBe('incident.postmortem:i1');
    expect(alertKey('maintenance.reminder', { incidentId: 'm', at: 'T' })).toBe('maintenance.reminder:m:T');
  });

  it('reminds once inside the lead time, not for windows scheduled inside it', () => {
    const m = { status: 'scheduled', scheduled_for: '2026-06-01T12:00:00.000Z', created_at: '2026-05-30T00:00:00.000Z' };
    const hour = 3_600_000;
    expect(reminderDue(m, new Date('2026-06-01T10:59:00Z'), hour)).toBe(false);
    expect(reminderDue(m, new Date('2026-06-01T11:01:00Z'), hour)).toBe(true);
    expect(reminderDue(m, new Date('2026-06-01T12:00:00Z'), hour)).toBe(false);
    expect(reminderDue({ ...m, created_at: '2026-06-01T11:30:00.000Z' }, new Date('2026-06-01T11:40:00Z'), hour)).toBe(false);
    expect(reminderDue({ ...m, status: 'cancelled' }, new Date('2026-06-01T11:01:00Z'), hour)).toBe(false);
  });

  it('writes subjects the way mail clients show them', () => {
    expect(
      alertSubject({ pageName: 'Acme IoT', kind: 'incident.created', status: 'identified', name: 'Elevated data session failures', componentNames: ['Data service'] }),
    ).toBe('[Acme IoT status] Identified: Elevated data session failures (Data service)');
    expect(alertSubject({ pageName: 'Acme IoT', kind: 'maintenance.scheduled', name: 'Router upgrade', componentNames: [] })).toBe(
      '[Acme IoT status] Scheduled maintenance: Router upgrade',
    );
    expect(alertSubject({ pageName: 'Acme', kind: 'incident.updated', status: 'monitoring', name: 'Roaming', componentNames: ['DE', 'US', 'BR', 'IN'] })).toBe(
      '[Acme status] Monitoring: Roaming (DE, US, 2 more)',
    );
  });

  it('writes times in the page zone, with the zone named', () => {
    expect(alertTime('2026-12-01T01:00:00.000Z', 'Europe/Berlin')).toBe('Tue, 1 Dec 2026, 02:00 CET');
    expect(alertTime('2026-12-01T01:00:00.000Z', 'UTC')).toBe('Tue, 1 Dec 2026, 01:00 UTC');
  });
});
