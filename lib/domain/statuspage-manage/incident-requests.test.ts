import { describe, expect, it } from 'vitest';
import type { ComponentStatus } from '@/lib/domain/status';
import {
  namedComponentIds,
  planIncidentCreate,
  planIncidentPatch,
  type IncidentNow,
  type IncidentRequest,
} from '@/lib/domain/statuspage-manage/incident-requests';
import { IncidentBody } from '@/lib/domain/statuspage-manage/requests';

/** A body as the route has it: parsed, its translations already checked. */
const request = (incident: Record<string, unknown>) => IncidentBody.parse(incident) as IncidentRequest;
const statuses = new Map<string, ComponentStatus>([
  ['vpn', 'operational'],
  ['sms', 'partial_outage'],
]);
const open: IncidentNow = { id: 'inc1', kind: 'incident', status: 'investigating' };
const resolved: IncidentNow = { id: 'inc1', kind: 'incident', status: 'resolved' };
const scheduled: IncidentNow = { id: 'mnt1', kind: 'maintenance', status: 'scheduled' };
const WINDOW = { scheduled_for: '2026-06-02T01:00:00Z', scheduled_until: '2026-06-02T03:00:00Z' };

describe('POST /incidents as a plan', () => {
  it('opens a realtime incident; a component named without a status keeps the one it has', () => {
    const body = request({ name: 'VPN down', status: 'identified', body: 'On it', components: { vpn: 'major_outage' }, component_ids: ['vpn', 'sms'], deliver_notifications: 'f' });
    expect(namedComponentIds(body)).toEqual(['vpn', 'sms']);
    expect(planIncidentCreate(body, { statuses })).toEqual({
      ok: true,
      steps: [
        {
          verb: 'createIncident',
          input: {
            name: 'VPN down',
            status: 'identified',
            body: 'On it',
            components: [{ id: 'vpn', status: 'major_outage' }, { id: 'sms', status: 'partial_outage' }],
            impactOverride: undefined,
            deliverNotifications: false,
            translations: undefined,
          },
        },
      ],
    });
    expect(planIncidentCreate(request({ name: 'Slow' }), { statuses: new Map() })).toMatchObject({
      steps: [{ verb: 'createIncident', input: { status: 'investigating', body: '', components: [], deliverNotifications: true } }],
    });
  });

  it('refuses a missing name and an unknown component as the verbs would', () => {
    expect(planIncidentCreate(request({ body: 'x' }), { statuses })).toMatchObject({ ok: false, fields: { name: 'is required' } });
    expect(planIncidentCreate(request({ name: 'x', components: { nosuch: 'major_outage' } }), { statuses })).toEqual({
      ok: false,
      message: 'Unknown component: nosuch',
      fields: { components: 'unknown component nosuch' },
    });
  });

  it('creates a backfilled incident resolved at its date, unannounced, and refuses one naming components', () => {
    expect(planIncidentCreate(request({ name: 'Forgotten', backfilled: 't', backfill_date: '2026-05-20', impact_override: 'minor', deliver_notifications: true }), { statuses })).toEqual({
      ok: true,
      steps: [
        {
          verb: 'createIncident',
          input: { name: 'Forgotten', status: 'resolved', body: '', components: [], impactOverride: 'minor', startedAt: '2026-05-20T00:00:00.000Z', deliverNotifications: false, translations: undefined },
        },
      ],
    });
    expect(planIncidentCreate(request({ name: 'x', backfilled: true, component_ids: ['vpn'] }), { statuses })).toMatchObject({
      ok: false,
      fields: { components: 'not allowed when backfilled' },
    });
  });

  it('schedules a maintenance from a window or a maintenance status, starting and completing by itself only when asked', () => {
    const translations = { de: { name: 'Router-Upgrade', body: 'Kurz' } };
    const body = { ...request({ name: 'Router upgrade', body: 'Short', ...WINDOW, scheduled_auto_transition: 't', components: { vpn: 'operational' } }), translations };
    expect(planIncidentCreate(body, { statuses })).toEqual({
      ok: true,
      steps: [
        {
          verb: 'createMaintenance',
          input: {
            name: 'Router upgrade',
            body: 'Short',
            scheduledFor: '2026-06-02T01:00:00.000Z',
            scheduledUntil: '2026-06-02T03:00:00.000Z',
            componentIds: ['vpn'],
            autoStart: true,
            autoComplete: false,
            deliverNotifications: true,
            translations,
          },
        },
      ],
    });
    expect(planIncidentCreate(request({ name: 'x', status: 'scheduled', ...WINDOW, backfilled: true }), { statuses })).toMatchObject({ steps: [{ verb: 'createMaintenance' }] });
  });

  it('names the missing window field, or a maintenance status other than scheduled, as the client sends it', () => {
    expect(planIncidentCreate(request({ name: 'x', status: 'scheduled' }), { statuses })).toMatchObject({ ok: false, fields: { scheduled_for: 'is required for a maintenance' } });
    expect(planIncidentCreate(request({ name: 'x', status: 'scheduled', scheduled_for: WINDOW.scheduled_for }), { statuses })).toMatchObject({
      ok: false,
      fields: { scheduled_until: 'is required for a maintenance' },
    });
    expect(planIncidentCreate(request({ name: 'x', scheduled_until: WINDOW.scheduled_until }), { statuses })).toMatchObject({ fields: { scheduled_for: 'is required for a maintenance' } });
    expect(planIncidentCreate(request({ name: 'x', status: 'in_progress', ...WINDOW }), { statuses })).toMatchObject({ fields: { status: 'must be scheduled for a maintenance' } });
  });
});

describe('PATCH /incidents/{id} as a plan', () => {
  it('posts an update with a status, body or components; a resolve changes only the components sent', () => {
    expect(planIncidentPatch(request({ status: 'resolved', body: 'Fixed' }), { incident: open, statuses })).toEqual({
      ok: true,
      steps: [{ verb: 'addIncidentUpdate', input: { incidentId: 'inc1', status: 'resolved', body: 'Fixed', components: [], impactOverride: undefined, deliverNotifications: true, translations: undefined } }],
    });
    expect(planIncidentPatch(request({ components: { sms: 'operational', vpn: '' } }), { incident: open, statuses })).toMatchObject({
      steps: [{ verb: 'addIncidentUpdate', input: { status: 'investigating', components: [{ id: 'sms', status: 'operational' }, { id: 'vpn', status: 'operational' }] } }],
    });
    // The same status alone is an update; the lifecycle refuses it as "already".
    expect(planIncidentPatch(request({ status: 'investigating' }), { incident: open, statuses })).toMatchObject({ steps: [{ verb: 'addIncidentUpdate' }] });
    expect(planIncidentPatch(request({}), { incident: open, statuses })).toEqual({ ok: true, steps: [] });
  });

  it('reads the whole object sent back, its status echoed, with a new name as an edit and not an update', () => {
    expect(planIncidentPatch(request({ name: 'VPN outage', status: 'investigating', impact_override: 'minor' }), { incident: open, statuses })).toEqual({
      ok: true,
      steps: [{ verb: 'editIncident', input: { id: 'inc1', name: 'VPN outage', impactOverride: 'minor', translations: undefined } }],
    });
    expect(planIncidentPatch(request({ name: 'Core upgrade', status: 'scheduled', scheduled_auto_completed: true }), { incident: scheduled, statuses })).toEqual({
      ok: true,
      steps: [{ verb: 'editMaintenance', input: { id: 'mnt1', name: 'Core upgrade', autoStart: undefined, autoComplete: true, translations: undefined } }],
    });
  });

  it('edits first, then posts the update, with the impact override on the update and the translations split between them', () => {
    const body = { ...request({ name: 'SMS delays', status: 'identified', impact_override: 'major' }), translations: { de: { name: 'SMS-Verzögerungen', body: 'Gefunden' }, fr: { body: 'Trouvé' } } };
    expect(planIncidentPatch(body, { incident: open, statuses })).toEqual({
      ok: true,
      steps: [
        { verb: 'editIncident', input: { id: 'inc1', name: 'SMS delays', impactOverride: undefined, translations: { de: { name: 'SMS-Verzögerungen' } } } },
        {
          verb: 'addIncidentUpdate',
          input: { incidentId: 'inc1', status: 'identified', body: '', components: [], impactOverride: 'major', deliverNotifications: true, translations: { de: { body: 'Gefunden' }, fr: { body: 'Trouvé' } } },
        },
      ],
    });
  });

  it('reopens a resolved incident at an open status, components set as sent', () => {
    expect(planIncidentPatch(request({ status: 'identified', body: 'Down again', component_ids: ['sms'], deliver_notifications: false }), { incident: resolved, statuses })).toEqual({
      ok: true,
      steps: [{ verb: 'reopenIncident', input: { incidentId: 'inc1', status: 'identified', body: 'Down again', components: [{ id: 'sms', status: 'partial_outage' }], deliverNotifications: false } }],
    });
  });

  it('moves or reschedules a maintenance through updateMaintenance, and posts component statuses as an update', () => {
    expect(planIncidentPatch(request({ status: 'in_progress', body: 'Started' }), { incident: scheduled, statuses })).toEqual({
      ok: true,
      steps: [
        {
          verb: 'updateMaintenance',
          input: { id: 'mnt1', status: 'in_progress', body: 'Started', scheduledFor: undefined, scheduledUntil: undefined, deliverNotifications: true, translations: undefined },
        },
      ],
    });
    expect(planIncidentPatch(request({ ...WINDOW, scheduled_auto_in_progress: false }), { incident: scheduled, statuses })).toMatchObject({
      steps: [
        { verb: 'editMaintenance', input: { autoStart: false } },
        { verb: 'updateMaintenance', input: { status: 'scheduled', scheduledFor: '2026-06-02T01:00:00.000Z', scheduledUntil: '2026-06-02T03:00:00.000Z' } },
      ],
    });
    expect(planIncidentPatch(request({ status: 'in_progress', components: { vpn: 'under_maintenance' } }), { incident: scheduled, statuses })).toMatchObject({
      steps: [{ verb: 'addIncidentUpdate', input: { status: 'in_progress', components: [{ id: 'vpn', status: 'under_maintenance' }], impactOverride: undefined } }],
    });
  });

  it('refuses a new window with components, a window on an incident, a status of the other kind and an unknown component', () => {
    expect(planIncidentPatch(request({ ...WINDOW, components: { vpn: 'under_maintenance' } }), { incident: scheduled, statuses })).toEqual({
      ok: false,
      message: 'Send a new window and component statuses in separate requests',
      fields: { scheduled_for: 'cannot be combined with components' },
    });
    expect(planIncidentPatch(request({ scheduled_until: WINDOW.scheduled_until }), { incident: open, statuses })).toMatchObject({ fields: { scheduled_for: 'only for a maintenance' } });
    expect(planIncidentPatch(request({ status: 'completed', body: 'nope' }), { incident: open, statuses })).toMatchObject({ fields: { status: 'not a status of an incident' } });
    expect(planIncidentPatch(request({ status: 'resolved' }), { incident: scheduled, statuses })).toMatchObject({ fields: { status: 'not a status of a maintenance' } });
    expect(planIncidentPatch(request({ components: { nosuch: 'major_outage' } }), { incident: open, statuses })).toMatchObject({ fields: { components: 'unknown component nosuch' } });
  });
});
