/** Where the console shows each kind of audited object, and what it is called there. */

const PLACES: Record<string, { label: string; href: (id: string | null) => string }> = {
  incident: { label: 'incident', href: (id) => (id ? `/admin/incidents/${id}` : '/admin/incidents') },
  maintenance: { label: 'maintenance', href: (id) => (id ? `/admin/maintenance/${id}` : '/admin/maintenance') },
  incident_update: { label: 'incident update', href: () => '/admin/incidents' },
  component: { label: 'component', href: () => '/admin/components' },
  group: { label: 'group', href: () => '/admin/components' },
  component_group: { label: 'group', href: () => '/admin/components' },
  incident_template: { label: 'template', href: () => '/admin/templates' },
  subscriber: { label: 'subscriber', href: () => '/admin/subscribers' },
  notification: { label: 'delivery', href: () => '/admin/deliveries' },
  operator: { label: 'operator', href: () => '/admin/operators' },
  api_key: { label: 'API key', href: () => '/admin/api-keys' },
  settings: { label: 'page settings', href: () => '/admin/settings' },
};

/** The object's kind as people say it ("API key"), and the console page that shows it. */
export function auditPlace(entityType: string, entityId: string | null): { label: string; href: string | null } {
  const place = PLACES[entityType];
  return place ? { label: place.label, href: place.href(entityId) } : { label: entityType.replace(/_/g, ' '), href: null };
}

/** Past-tense phrases for the common verbs; others read as their words. */
const VERBS: Record<string, string> = {
  create: 'created',
  update: 'changed',
  delete: 'deleted',
  remove: 'removed',
  archive: 'archived',
  move: 'moved',
  status: 'set the status of',
  resolve: 'resolved',
  revoke: 'revoked',
  retry: 'retried',
  role: 'changed the role of',
  password_reset_sent: 'sent a password reset link to',
  password_reset: 'set a new password for',
  two_factor_enable: 'turned on two-factor for',
  two_factor_replace: 'replaced two-factor for',
  two_factor_remove: 'removed two-factor of',
  recovery_code_used: 'used a recovery code for',
  sign_out_everywhere: 'signed out everywhere',
  two_factor_policy: 'changed the two-factor rule in',
};

/** An action id as a phrase: "operator.role" → "changed the role of", "x.some_verb" → "some verb". */
export function actionPhrase(action: string): string {
  const verb = action.includes('.') ? action.slice(action.indexOf('.') + 1) : action;
  return VERBS[verb] ?? verb.replace(/_/g, ' ');
}

/** A changed value as it reads in one line; objects and long text are left to the details. */
export function shortValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.length <= 60 ? value.replace(/_/g, ' ') : undefined;
  return undefined;
}

/** A name kept in the entry itself (for objects since deleted): `name`, then email, url or title. */
export function nameInEntry(before: unknown, after: unknown): string | undefined {
  for (const value of [after, before]) {
    if (!value || typeof value !== 'object') continue;
    const v = value as Record<string, unknown>;
    for (const key of ['name', 'email', 'url', 'title']) if (typeof v[key] === 'string' && v[key]) return v[key] as string;
  }
  return undefined;
}
