import { describe, expect, it } from 'vitest';
import { toManageComponent, toManageIncident, toManageSubscriber } from '@/lib/domain/statuspage-manage/shapes';
import type { ComponentInput, GroupInput, IncidentInput } from '@/lib/domain/statuspage/types';

const at = '2026-06-01T12:00:00.000Z';
const component = (id: string, name: string, group_id: string | null, position = 1): ComponentInput => ({
  id, name, group_id, position, description: null, status: 'operational', showcase: true, only_show_if_degraded: false,
  start_date: '2026-01-15T08:00:00.000Z', created_at: at, updated_at: at,
});
const group: GroupInput = { id: 'g1', name: 'Backend', description: null, position: 1, created_at: at, updated_at: at };
const incident = (over: Partial<IncidentInput>): IncidentInput => ({
  id: 'i1', kind: 'incident', name: 'Outage', status: 'investigating', impact: 'major', impact_override: null, started_at: at,
  monitoring_at: null, resolved_at: null, scheduled_for: null, scheduled_until: null, auto_start: false, auto_complete: false,
  postmortem_body: null, postmortem_published_at: null, created_at: at, updated_at: at, componentIds: [], updates: [], ...over,
});
const catalogue = {
  components: new Map([['c1', component('c1', 'Fraud Detection', 'g1')], ['c2', component('c2', 'Portal', null, 2)]]),
  groups: new Map([['g1', group]]),
};

describe('manage API shapes', () => {
  it('writes a component with a date-only start_date and null automation email', () => {
    expect(toManageComponent(catalogue.components.get('c1')!, 'p1')).toMatchObject({ page_id: 'p1', start_date: '2026-01-15', group: false, automation_email: null });
  });

  it('writes an incident with affected components, updates newest first and grouped names', () => {
    const out = toManageIncident(
      incident({
        updates: [
          { id: 'u2', status: 'identified', body: 'b', display_at: at, deliver_notifications: true, created_at: at, updated_at: at, changes: [] },
          {
            id: 'u1', status: 'investigating', body: 'a', display_at: at, deliver_notifications: false, created_at: at, updated_at: at,
            changes: [{ component_id: 'c1', old_status: 'operational', new_status: 'partial_outage' }],
          },
        ],
        componentIds: ['c2', 'c1'],
      }),
      catalogue,
      'p1',
      'https://status.example.com',
    );
    expect(out).toMatchObject({ impact: 'major', shortlink: 'https://status.example.com/incidents/i1', auto_transition_to_maintenance_state: null, scheduled_remind_prior: false });
    expect(out.components.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(out.incident_updates.map((u) => u.id)).toEqual(['u2', 'u1']);
    expect(out.incident_updates[0]!.affected_components).toBeNull();
    expect(out.incident_updates[1]!.affected_components).toEqual([{ code: 'c1', name: 'Backend - Fraud Detection', old_status: 'operational', new_status: 'partial_outage' }]);
  });

  it('writes maintenance with impact "maintenance", its flags, and cancelled as completed', () => {
    const out = toManageIncident(
      incident({ kind: 'maintenance', status: 'cancelled', impact: 'none', auto_start: true, scheduled_for: at, scheduled_until: at }),
      catalogue,
      'p1',
      'https://x',
    );
    expect(out).toMatchObject({ impact: 'maintenance', status: 'completed', scheduled_auto_in_progress: true, scheduled_auto_completed: false, auto_transition_to_operational_state: true });
  });

  it('hides an unpublished postmortem draft', () => {
    const draft = toManageIncident(incident({ postmortem_body: 'draft' }), catalogue, 'p', 'x');
    expect(draft.postmortem_body).toBeNull();
  });

  it('writes a subscriber with null components when it follows the whole page', () => {
    const s = { id: 's1', kind: 'email' as const, email: 'a@b.c', url: null, all_components: true, disabled_at: null, created_at: at };
    expect(toManageSubscriber(s, [])).toMatchObject({ mode: 'email', endpoint: null, components: null });
    expect(toManageSubscriber({ ...s, all_components: false }, ['c1']).components).toEqual(['c1']);
  });
});
