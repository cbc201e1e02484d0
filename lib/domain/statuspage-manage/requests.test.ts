import { describe, expect, it } from 'vitest';
import {
  ComponentBody,
  IncidentBody,
  affectedComponents,
  isStatusOnly,
  requestFieldName,
  toCreateIncidentInput,
  toUpdateComponentInput,
  toUpdateIncidentInput,
} from '@/lib/domain/statuspage-manage/requests';
import { parsePaging } from '@/lib/domain/statuspage-manage/paging';

describe('incident request bodies', () => {
  it('merges component_ids with the components map; a map status wins, "" means unchanged', () => {
    const body = IncidentBody.parse({ component_ids: ['a', 'b'], components: { b: 'major_outage', c: '' } });
    expect(affectedComponents(body)).toEqual([
      { id: 'a', status: null },
      { id: 'b', status: 'major_outage' },
      { id: 'c', status: null },
    ]);
    expect(affectedComponents(IncidentBody.parse({ components: ['x'] }))).toEqual([{ id: 'x', status: null }]);
    expect(affectedComponents(IncidentBody.parse({ components: null }))).toBeUndefined();
  });

  it('maps Statuspage fields and legacy aliases to the service input', () => {
    const body = IncidentBody.parse({
      name: ' Router upgrade ',
      status: 'scheduled',
      message: 'legacy text',
      scheduled_for: '2026-06-02T03:00:00+02:00',
      scheduled_until: '2026-06-02T05:00:00Z',
      scheduled_auto_transition: 't',
      scheduled_auto_completed: 'false',
      deliver_notifications: '0',
      impact_override: 'maintenance',
      unknown_field: 'ignored',
    });
    expect(toCreateIncidentInput(body)).toMatchObject({
      name: 'Router upgrade',
      status: 'scheduled',
      body: 'legacy text',
      scheduledFor: '2026-06-02T01:00:00.000Z',
      scheduledUntil: '2026-06-02T05:00:00.000Z',
      autoStart: true,
      autoComplete: false,
      deliverNotifications: false,
      impactOverride: undefined,
    });
    expect(toCreateIncidentInput(IncidentBody.parse({ name: 'x', backfilled: true, backfill_date: '2026-01-31' })).backfillDate).toBe(
      '2026-01-31T00:00:00.000Z',
    );
  });

  it('treats null as absent, so a PATCH of only a name posts no update fields', () => {
    const input = toUpdateIncidentInput('abc', IncidentBody.parse({ name: 'New', status: null, body: null, components: null }));
    expect(input).toMatchObject({ id: 'abc', name: 'New', status: undefined, body: undefined, components: undefined });
  });

  it('names the bad field in zod issues', () => {
    const result = IncidentBody.safeParse({ status: 'exploded', deliver_notifications: 'maybe' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['deliver_notifications', 'status']);
  });
});

describe('component request bodies', () => {
  it('reads group_id "null" and null as leaving the group, absent as unchanged', () => {
    expect(toUpdateComponentInput('c', ComponentBody.parse({ group_id: 'null' })).groupId).toBeNull();
    expect(toUpdateComponentInput('c', ComponentBody.parse({ group_id: null })).groupId).toBeNull();
    expect(toUpdateComponentInput('c', ComponentBody.parse({})).groupId).toBeUndefined();
  });

  it('knows a status-only change', () => {
    expect(isStatusOnly(ComponentBody.parse({ status: 'major_outage' }))).toBe(true);
    expect(isStatusOnly(ComponentBody.parse({ status: 'major_outage', name: 'x' }))).toBe(false);
    expect(isStatusOnly(ComponentBody.parse({ status: 'major_outage', group_id: 'null' }))).toBe(false);
  });
});

describe('field names and paging', () => {
  it('gives service fields back in the client’s words', () => {
    expect(requestFieldName('incident', 'scheduledFor')).toBe('incident.scheduled_for');
    expect(requestFieldName('incident', 'components.0.id')).toBe('incident.components');
    expect(requestFieldName('template', 'status', { status: 'update_status' })).toBe('template.update_status');
  });

  it('pages from 1 (0 reads as 1), accepts limit as per_page, caps the size and refuses junk', () => {
    expect(parsePaging(new URLSearchParams(''))).toEqual({ ok: true, paging: { page: 1, perPage: 100 } });
    expect(parsePaging(new URLSearchParams('page=0&limit=50'))).toEqual({ ok: true, paging: { page: 1, perPage: 50 } });
    expect(parsePaging(new URLSearchParams('page=3&per_page=5000'))).toEqual({ ok: true, paging: { page: 3, perPage: 100 } });
    expect(parsePaging(new URLSearchParams('per_page=0'))).toEqual({ ok: false, field: 'per_page' });
    expect(parsePaging(new URLSearchParams('page=-1'))).toEqual({ ok: false, field: 'page' });
  });
});
