import { describe, expect, it } from 'vitest';
import { buildV2Documents, V2_PATHS } from '@/lib/domain/statuspage/documents';
import { V2_SCHEMAS } from '@/lib/domain/statuspage/testing/v2-schema';
import type { IncidentInput, StatuspageData } from '@/lib/domain/statuspage/types';

const T0 = '2026-09-01T09:00:00.000Z';
const component = (id: string, group: string | null, position: number, status = 'operational' as const) => ({
  id,
  group_id: group,
  name: `Component ${id}`,
  description: null,
  position,
  status,
  showcase: true,
  only_show_if_degraded: false,
  start_date: '2025-01-10T00:00:00.000Z',
  created_at: T0,
  updated_at: T0,
});

function incident(id: string, over: Partial<IncidentInput> = {}): IncidentInput {
  return {
    id,
    kind: 'incident',
    name: `Incident ${id}`,
    status: 'resolved',
    impact: 'minor',
    impact_override: null,
    started_at: T0,
    monitoring_at: null,
    resolved_at: null,
    scheduled_for: null,
    scheduled_until: null,
    auto_start: false,
    auto_complete: false,
    postmortem_body: null,
    postmortem_published_at: null,
    created_at: T0,
    updated_at: T0,
    componentIds: [],
    updates: [
      { id: `${id.slice(0, 10)}u1`, status: 'investigating', body: 'first', display_at: '2026-09-01T09:00:00.000Z', deliver_notifications: true, created_at: T0, updated_at: T0, changes: [] },
      { id: `${id.slice(0, 10)}u2`, status: 'identified', body: 'second', display_at: '2026-09-01T09:30:00.000Z', deliver_notifications: false, created_at: T0, updated_at: T0, changes: [] },
    ],
    ...over,
  };
}

function data(incidents: IncidentInput[], statuses: { c1?: 'partial_outage' } = {}): StatuspageData {
  return {
    settings: { id: 'page00000001', name: 'Acme', url: null, time_zone: 'Etc/UTC', updated_at: T0 },
    baseUrl: 'https://status.example.com',
    groups: [{ id: 'group0000001', name: 'Core', description: 'Core things', position: 1, created_at: T0, updated_at: T0 }],
    components: [
      component('comp00000002', 'group0000001', 2),
      { ...component('comp00000001', 'group0000001', 1), status: statuses.c1 ?? 'operational' },
      component('comp00000003', null, 1),
    ],
    incidents,
  };
}

describe('Statuspage v2 documents', () => {
  it('match the strict v2 schema on every endpoint', () => {
    const docs = buildV2Documents(
      data([
        incident('inc000000001', { status: 'identified', impact: 'major', componentIds: ['comp00000001'] }),
        incident('inc000000002'),
        incident('mnt000000001', { kind: 'maintenance', status: 'scheduled', scheduled_for: '2026-09-06T01:00:00Z', scheduled_until: '2026-09-06T03:00:00Z' }),
        incident('mnt000000002', { kind: 'maintenance', status: 'cancelled', scheduled_for: T0, scheduled_until: T0 }),
      ]),
    );
    for (const path of V2_PATHS) {
      const parsed = V2_SCHEMAS[path].safeParse(docs[path]);
      expect(parsed.error?.issues ?? [], path).toEqual([]);
    }
  });

  it('lists groups as components with their children, in display order with 1-based positions', () => {
    const { components } = buildV2Documents(data([], { c1: 'partial_outage' }))['components.json'] as {
      components: { id: string; position: number; group: boolean; status: string; components?: string[] }[];
    };
    expect(components.map((c) => [c.id, c.position, c.group])).toEqual([
      ['group0000001', 1, true],
      ['comp00000001', 2, false],
      ['comp00000002', 3, false],
      ['comp00000003', 4, false],
    ]);
    expect(components[0]!.components).toEqual(['comp00000001', 'comp00000002']);
    expect(components[0]!.status).toBe('partial_outage');
    expect(components[1]!).not.toHaveProperty('components');
  });

  it('puts only unresolved incidents and upcoming or active maintenance in the summary', () => {
    const docs = buildV2Documents(
      data([
        incident('inc000000001', { status: 'monitoring', impact: 'major' }),
        incident('inc000000002', { status: 'resolved' }),
        incident('mnt000000001', { kind: 'maintenance', status: 'in_progress', scheduled_for: T0, scheduled_until: T0 }),
        incident('mnt000000002', { kind: 'maintenance', status: 'completed', scheduled_for: T0, scheduled_until: T0 }),
        incident('mnt000000003', { kind: 'maintenance', status: 'scheduled', scheduled_for: T0, scheduled_until: T0 }),
      ]),
    );
    const summary = docs['summary.json'] as { incidents: { id: string }[]; scheduled_maintenances: { id: string }[]; status: unknown };
    expect(summary.incidents.map((i) => i.id)).toEqual(['inc000000001']);
    expect(summary.scheduled_maintenances.map((m) => m.id).sort()).toEqual(['mnt000000001', 'mnt000000003']);
    expect(summary.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
    const active = docs['scheduled-maintenances/active.json'] as { scheduled_maintenances: { id: string }[] };
    expect(active.scheduled_maintenances.map((m) => m.id)).toEqual(['mnt000000001']);
    const all = docs['scheduled-maintenances.json'] as { scheduled_maintenances: { id: string }[] };
    expect(all.scheduled_maintenances).toHaveLength(3);
  });

  it('orders updates newest first, links the incident page and reports cancelled maintenance as completed', () => {
    const docs = buildV2Documents(
      data([incident('mnt000000002', { kind: 'maintenance', status: 'cancelled', scheduled_for: T0, scheduled_until: T0 })]),
    );
    const [m] = (docs['scheduled-maintenances.json'] as { scheduled_maintenances: Record<string, unknown>[] }).scheduled_maintenances;
    expect(m!.status).toBe('completed');
    expect(m!.impact).toBe('maintenance');
    expect(m!.shortlink).toBe('https://status.example.com/incidents/mnt000000002');
    expect((m!.incident_updates as { body: string }[]).map((u) => u.body)).toEqual(['second', 'first']);
  });

  it('keeps the 50 most recent incidents, newest first', () => {
    const many = Array.from({ length: 60 }, (_, n) =>
      incident(`inc${String(n).padStart(9, '0')}`, { started_at: new Date(Date.parse(T0) + n * 60_000).toISOString() }),
    );
    const { incidents } = buildV2Documents(data(many))['incidents.json'] as { incidents: { id: string }[] };
    expect(incidents).toHaveLength(50);
    expect(incidents[0]!.id).toBe('inc000000059');
    expect(incidents.at(-1)!.id).toBe('inc000000010');
  });

  it('names the affected components of an update and writes an offset on every time', () => {
    const docs = buildV2Documents(
      data([
        incident('inc000000001', {
          status: 'identified',
          updates: [
            { id: 'upd000000001', status: 'identified', body: 'x', display_at: '2026-09-01 09:00:00+00', deliver_notifications: true, created_at: T0, updated_at: T0,
              changes: [{ component_id: 'comp00000001', old_status: 'operational', new_status: 'partial_outage' }] },
          ],
        }),
      ]),
    );
    const [i] = (docs['incidents/unresolved.json'] as { incidents: { incident_updates: Record<string, unknown>[] }[] }).incidents;
    expect(i!.incident_updates[0]!.display_at).toBe('2026-09-01T09:00:00.000Z');
    expect(i!.incident_updates[0]!.affected_components).toEqual([
      { code: 'comp00000001', name: 'Component comp00000001', old_status: 'operational', new_status: 'partial_outage' },
    ]);
  });
});
