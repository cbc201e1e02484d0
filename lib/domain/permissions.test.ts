import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, isAllowed, minimumRole, PERMISSIONS } from '@/lib/domain/permissions';

describe('role table', () => {
  it('lets an admin do everything', () => {
    for (const action of ALL_PERMISSIONS) expect(isAllowed('admin', action), action).toBe(true);
  });

  it('keeps destructive and access-control actions from responders', () => {
    for (const action of ['incident.delete', 'maintenance.delete', 'subscriber.remove', 'subscriber.add', 'component.create', 'group.delete', 'operator.create', 'api_key.create', 'settings.update', 'audit.read'] as const) {
      expect(isAllowed('responder', action), action).toBe(false);
      expect(minimumRole(action)).toBe('admin');
    }
  });

  it('lets responders run incidents, maintenance, component status, templates and read subscribers', () => {
    for (const action of ['incident.create', 'incident.update', 'incident.resolve', 'postmortem.publish', 'maintenance.create', 'component.status', 'template.update', 'subscriber.read', 'delivery.retry'] as const) {
      expect(isAllowed('responder', action), action).toBe(true);
    }
  });

  it('names every action as resource.verb', () => {
    for (const action of Object.keys(PERMISSIONS)) expect(action).toMatch(/^[a-z_]+\.[a-z]+$/);
  });
});
