import { describe, expect, it } from 'vitest';
import { COLORS } from '@/lib/domain/chat/alert';
import type { AlertSnapshot } from '@/lib/notify/alert-snapshot';
import { chatAlertOf } from '@/lib/notify/chat/chat-alert';

const page = { id: 'page00000001', name: 'Acme IoT', status_indicator: 'major', status_description: 'Partial System Outage' };
const base = { generatedAt: '2026-12-01T10:00:00.000Z', baseUrl: 'https://status.acme.test', page };
const update = (id: string, status: string, body: string, at: string) => ({
  id,
  status,
  body,
  display_at: at,
  affected_components: [{ code: 'c1', name: 'VPN', old_status: 'operational', new_status: 'major_outage' }],
});
const incident = (over: Record<string, unknown> = {}) =>
  ({
    id: 'inc000000001',
    name: 'VPN tunnels dropping',
    status: 'identified',
    impact: 'critical',
    shortlink: 'https://status.acme.test/incidents/inc000000001',
    updated_at: '2026-12-01T10:05:00.000Z',
    postmortem_body: null,
    incident_updates: [update('u2', 'identified', 'Newest.', '2026-12-01T10:05:00.000Z'), update('u1', 'investigating', 'First.', '2026-12-01T10:00:00.000Z')],
    ...over,
  }) as unknown as AlertSnapshot['incident'];

describe('what a chat message says about an alert', () => {
  it('an incident update: its own update (not the newest), impact colour, changes, link, incident thread', () => {
    const alert = chatAlertOf({ ...base, kind: 'incident.created', incident: incident(), updateId: 'u1' }, 'https://m');
    expect(alert).toMatchObject({
      title: 'VPN tunnels dropping',
      status: 'Investigating',
      color: COLORS.critical,
      body: 'First.',
      at: '2026-12-01T10:00:00.000Z',
      changes: [{ name: 'VPN', from: 'Operational', to: 'Major Outage' }],
      url: 'https://status.acme.test/incidents/inc000000001',
      linkLabel: 'View incident',
      threadKey: 'inc000000001',
    });
  });

  it('resolved is green; maintenance is blue and says so; a postmortem carries its body', () => {
    const resolved = incident({ incident_updates: [update('u3', 'resolved', 'Fixed.', '2026-12-01T11:00:00.000Z')] });
    expect(chatAlertOf({ ...base, kind: 'incident.resolved', incident: resolved, updateId: 'u3' }, 'm').color).toBe(COLORS.resolved);
    const window = incident({ impact: 'maintenance', incident_updates: [update('m1', 'scheduled', 'Router upgrade.', '2026-12-01T09:00:00.000Z')] });
    const scheduled = chatAlertOf({ ...base, kind: 'maintenance.scheduled', incident: window, updateId: 'm1' }, 'm');
    expect(scheduled).toMatchObject({ title: 'Maintenance scheduled: VPN tunnels dropping', status: 'Scheduled', color: COLORS.maintenance, linkLabel: 'View maintenance' });
    const postmortem = chatAlertOf({ ...base, kind: 'incident.postmortem', incident: incident({ postmortem_body: 'Root cause: **BGP**.' }) }, 'm');
    expect(postmortem).toMatchObject({ title: 'Postmortem: VPN tunnels dropping', status: 'Postmortem published', body: 'Root cause: **BGP**.', color: COLORS.resolved });
  });

  it('a component change names the component and both statuses, threaded per component', () => {
    const alert = chatAlertOf(
      {
        ...base,
        kind: 'component.updated',
        component: { id: 'c1', name: 'SMS' } as AlertSnapshot['component'],
        component_update: { id: 'x', component_id: 'c1', old_status: 'operational', new_status: 'partial_outage', created_at: '2026-12-01T10:00:00.000Z', component_type: 'Component' },
      },
      'm',
    );
    expect(alert).toMatchObject({ title: 'SMS: Partial Outage', status: 'Operational → Partial Outage', color: COLORS.major, threadKey: 'component:c1', url: 'https://status.acme.test' });
  });

  it('the test message says which page it is from and what it will send', () => {
    const alert = chatAlertOf({ ...base, kind: 'subscription.verify' }, 'm');
    expect(alert.title).toBe('Acme IoT status alerts');
    expect(alert.body).toContain('Now: Partial System Outage.');
    expect(alert.threadKey).toBeNull();
  });

  it("in the subscriber's language and zone: the frame's words, statuses, the operator's translations, the time", () => {
    const translations = {
      incident: { de: { name: 'VPN-Tunnel brechen ab' } },
      updates: { u1: { de: { body: 'Erste Meldung.' } } },
      components: { c1: { de: { name: 'VPN-Zugang' } } },
    };
    const de = { locale: 'de' as const, timeZone: 'Europe/Berlin' };
    const alert = chatAlertOf({ ...base, kind: 'incident.created', incident: incident(), updateId: 'u1', translations }, 'https://m', de);
    expect(alert).toMatchObject({
      title: 'VPN-Tunnel brechen ab',
      status: 'Wird untersucht',
      body: 'Erste Meldung.',
      changes: [{ name: 'VPN-Zugang', from: 'Betriebsbereit', to: 'Schwerer Ausfall' }],
      linkLabel: 'Störung ansehen',
      labels: { manage: 'Meldungen verwalten', manageOrStop: 'Diese Meldungen verwalten oder beenden', status: 'Status', components: 'Komponenten' },
    });
    // 10:00 UTC is 11:00 in Berlin in winter.
    expect(alert.time).toMatch(/1\. Dez\. 2026, 11:00 MEZ/);
    // An update with no German text keeps the original.
    const newest = chatAlertOf({ ...base, kind: 'incident.updated', incident: incident(), updateId: 'u2', translations }, 'm', de);
    expect(newest).toMatchObject({ title: 'VPN-Tunnel brechen ab', status: 'Ursache identifiziert', body: 'Newest.' });

    const fr = chatAlertOf({ ...base, kind: 'subscription.verify' }, 'm', { locale: 'fr', timeZone: 'Europe/Paris' });
    expect(fr).toMatchObject({ title: 'Alertes d’état de Acme IoT', status: 'Connecté', linkLabel: 'Voir la page d’état' });
    expect(fr.body).toContain('Actuellement : Panne partielle du système.');
    const window = incident({ impact: 'maintenance', incident_updates: [update('m1', 'scheduled', 'Router upgrade.', '2026-12-01T09:00:00.000Z')] });
    const es = chatAlertOf({ ...base, kind: 'maintenance.reminder', incident: window, updateId: 'm1' }, 'm', { locale: 'es' });
    expect(es).toMatchObject({ title: 'Mantenimiento próximo: VPN tunnels dropping', status: 'Programado', linkLabel: 'Ver el mantenimiento' });
  });

  it('without a chosen language: English, in the page zone, else UTC', () => {
    const alert = chatAlertOf({ ...base, kind: 'incident.created', incident: incident(), updateId: 'u1' }, 'm');
    expect(alert.time).toBe('Tue, 1 Dec 2026, 10:00 UTC');
    const tokyo = chatAlertOf({ ...base, page: { ...page, time_zone: 'Asia/Tokyo' }, kind: 'incident.created', incident: incident(), updateId: 'u1' }, 'm');
    expect(tokyo.time).toMatch(/Tue, 1 Dec 2026, 19:00 (GMT\+9|JST)/);
  });
});
