/**
 * The one role table: which operator role may do which action. Every edge (console pages and
 * actions, no-JavaScript form posts, the management API) reaches the services, and the services
 * check their actor against this table, so all edges allow exactly the same.
 */
export const ROLES = ['admin', 'responder'] as const;
export type Role = (typeof ROLES)[number];

/** Each action with the roles allowed to do it; admins hold every action. */
export const PERMISSIONS = {
  'incident.create': ['admin', 'responder'],
  'incident.update': ['admin', 'responder'],
  'incident.resolve': ['admin', 'responder'],
  'incident.delete': ['admin'],
  'postmortem.publish': ['admin', 'responder'],
  'maintenance.create': ['admin', 'responder'],
  'maintenance.update': ['admin', 'responder'],
  'maintenance.delete': ['admin'],
  'component.status': ['admin', 'responder'],
  'component.create': ['admin'],
  'component.update': ['admin'],
  'component.archive': ['admin'],
  'component.move': ['admin'],
  'group.create': ['admin'],
  'group.update': ['admin'],
  'group.delete': ['admin'],
  'template.create': ['admin', 'responder'],
  'template.update': ['admin', 'responder'],
  'template.delete': ['admin', 'responder'],
  'subscriber.read': ['admin', 'responder'],
  'subscriber.export': ['admin', 'responder'],
  'subscriber.add': ['admin'],
  'subscriber.remove': ['admin'],
  'delivery.read': ['admin', 'responder'],
  'delivery.retry': ['admin', 'responder'],
  'operator.read': ['admin'],
  'operator.create': ['admin'],
  'operator.remove': ['admin'],
  // Safe sign-in (#14): change a role, send a password-reset link, remove a lost second factor.
  'operator.update': ['admin'],
  'account.manage': ['admin', 'responder'],
  'api_key.read': ['admin'],
  'api_key.create': ['admin'],
  'api_key.revoke': ['admin'],
  'integration.read': ['admin', 'responder'],
  'integration.manage': ['admin'],
  'integration.draft': ['admin', 'responder'],
  'settings.update': ['admin'],
  'system_metric.manage': ['admin'],
  'system_metric.data': ['admin', 'responder'],
  'audit.read': ['admin'],
  // Audiences (#16): customer organisations, their members and what they may see.
  'audience.read': ['admin', 'responder'],
  'audience.manage': ['admin'],
  // Early notices (#16 part 4): operator writes, like incidents.
  'notice.read': ['admin', 'responder'],
  'notice.send': ['admin', 'responder'],
  'notice.close': ['admin', 'responder'],
  'notice.promote': ['admin', 'responder'],
  // Incident files (#16 part 5): operators download what they attached, from the console.
  'incident_file.read': ['admin', 'responder'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Every action in the table, in its order. */
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

/** True when `role` may do `action`. */
export function isAllowed(role: Role, action: Permission): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/** The lowest role that may do `action`: 'responder' when responders may, else 'admin'. */
export function minimumRole(action: Permission): Role {
  return isAllowed('responder', action) ? 'responder' : 'admin';
}
