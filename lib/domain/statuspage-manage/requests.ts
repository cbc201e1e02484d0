import { z } from 'zod';
import { COMPONENT_STATUSES } from '@/lib/domain/status';

/**
 * Request bodies of the Statuspage manage API v1, as clients really send them: JSON or
 * Rails-style forms (strings for booleans), `null` meaning "absent", unknown keys ignored.
 */

const BOOL_WORDS: Record<string, boolean> = { t: true, true: true, '1': true, f: false, false: false, '0': false };

/** A boolean that also accepts t/f, true/false and 1/0 as strings or numbers. */
export const LooseBool = z.preprocess((v) => {
  if (typeof v === 'string') return BOOL_WORDS[v.trim().toLowerCase()] ?? v;
  if (v === 1 || v === 0) return v === 1;
  return v;
}, z.boolean({ message: 'must be true or false' }));

/** `null` reads as "not sent". */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v) => (v === null ? undefined : v));
}

const DateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a zone' });
const DateOnly = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
const IdList = z.array(z.string().trim().min(1), { message: 'must be an array of ids' }).max(500);

export const INCIDENT_STATUSES_V1 = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
] as const;
const ComponentStatusOrEmpty = z.enum([...COMPONENT_STATUSES, ''], {
  message: `must be one of ${COMPONENT_STATUSES.join(', ')}`,
});

export const IncidentBody = z.object({
  name: optional(z.string().trim().min(1, 'must not be blank').max(255, 'must be at most 255 characters')),
  status: optional(z.enum([...INCIDENT_STATUSES_V1, ''], { message: `must be one of ${INCIDENT_STATUSES_V1.join(', ')}` })),
  impact_override: optional(z.enum(['none', 'maintenance', 'minor', 'major', 'critical'], { message: 'must be none, maintenance, minor, major or critical' })),
  body: optional(z.string().max(25_000, 'must be at most 25,000 characters')),
  message: optional(z.string().max(25_000, 'must be at most 25,000 characters')),
  // The docs' own example sends a plain list of ids: read it as ids with no status change.
  components: optional(
    z.preprocess(
      (v) => (Array.isArray(v) ? Object.fromEntries(v.map((id) => [String(id), ''])) : v),
      z.record(z.string().trim().min(1), ComponentStatusOrEmpty, { message: 'must map component ids to statuses' }),
    ),
  ),
  component_ids: optional(IdList),
  deliver_notifications: optional(LooseBool),
  backfilled: optional(LooseBool),
  backfill_date: optional(z.union([DateOnly, DateTime], { message: 'must be a date YYYY-MM-DD' })),
  scheduled_for: optional(DateTime),
  scheduled_until: optional(DateTime),
  scheduled_auto_in_progress: optional(LooseBool),
  scheduled_auto_transition: optional(LooseBool),
  scheduled_auto_completed: optional(LooseBool),
  /** Beacon extension (issue #15): `{ de: { name, body } }`, checked by the route (app/api/v1/_lib/incident-request.ts). */
  translations: z.unknown().optional(),
});
export type IncidentBody = z.output<typeof IncidentBody>;

/** The union of `component_ids` and the `components` map; `null` status = affected, unchanged. */
export function affectedComponents(body: IncidentBody): { id: string; status: (typeof COMPONENT_STATUSES)[number] | null }[] | undefined {
  if (body.components === undefined && body.component_ids === undefined) return undefined;
  const map = new Map<string, (typeof COMPONENT_STATUSES)[number] | null>();
  for (const id of body.component_ids ?? []) map.set(id, null);
  for (const [id, status] of Object.entries(body.components ?? {})) map.set(id, status === '' ? (map.get(id) ?? null) : status);
  return [...map].map(([id, status]) => ({ id, status }));
}

function toIso(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : new Date(value).toISOString();
}

/** Shared by create and update: the fields both carry, in service terms. */
function commonIncidentFields(body: IncidentBody) {
  return {
    status: body.status || undefined,
    body: body.body ?? body.message,
    components: affectedComponents(body),
    impactOverride: body.impact_override === 'maintenance' ? undefined : body.impact_override,
    deliverNotifications: body.deliver_notifications,
    scheduledFor: toIso(body.scheduled_for),
    scheduledUntil: toIso(body.scheduled_until),
    autoStart: body.scheduled_auto_in_progress ?? body.scheduled_auto_transition,
    autoComplete: body.scheduled_auto_completed,
    translations: body.translations as Record<string, Record<string, string>> | undefined,
  };
}

/** POST /incidents body → the fields planIncidentCreate (incident-requests.ts) plans from. */
export function toCreateIncidentInput(body: IncidentBody) {
  return {
    ...commonIncidentFields(body),
    name: body.name ?? '',
    backfilled: body.backfilled,
    backfillDate: toIso(body.backfill_date),
  };
}

/** PATCH /incidents/{id} body → the fields planIncidentPatch (incident-requests.ts) plans from. */
export function toUpdateIncidentInput(id: string, body: IncidentBody) {
  return { ...commonIncidentFields(body), id, name: body.name };
}

export const IncidentUpdateBody = z.object({
  body: optional(z.string().max(25_000, 'must be at most 25,000 characters')),
  display_at: optional(DateTime),
  deliver_notifications: optional(LooseBool),
  wants_twitter_update: optional(LooseBool),
});
export type IncidentUpdateBody = z.output<typeof IncidentUpdateBody>;

/** PATCH /incidents/{id}/incident_updates/{update_id} body → editIncidentUpdate input. */
export function toEditIncidentUpdateInput(incidentId: string, updateId: string, body: IncidentUpdateBody) {
  return { incidentId, updateId, body: body.body, displayAt: toIso(body.display_at), deliverNotifications: body.deliver_notifications };
}

export const ComponentBody = z.object({
  name: optional(z.string().trim().min(1, 'must not be blank').max(255, 'must be at most 255 characters')),
  description: optional(z.string().max(2000, 'must be at most 2,000 characters')),
  status: optional(ComponentStatusOrEmpty),
  // "null" (the string) also removes the component from its group, as Statuspage documents.
  group_id: z
    .string()
    .nullable()
    .optional()
    .transform((v) => (v === 'null' || v === '' ? null : v)),
  showcase: optional(LooseBool),
  only_show_if_degraded: optional(LooseBool),
  start_date: optional(z.union([DateOnly, DateTime], { message: 'must be a date YYYY-MM-DD' })),
  /** Beacon extension (issue #15): `{ de: { name, description } }`, checked by the service (PATCH only). */
  translations: z.unknown().optional(),
  /** Beacon extension (issue #18): follow a component of another status page; null stops following. */
  upstream: z
    .object({
      url: z.string().trim().min(1, 'is required').max(2000, 'must be at most 2,000 characters'),
      component_id: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
      notify_subscribers: optional(LooseBool),
    })
    .nullable()
    .optional(),
});
export type ComponentBody = z.output<typeof ComponentBody>;

/** POST /components body → createComponent input. */
export function toCreateComponentInput(body: ComponentBody) {
  return {
    name: body.name ?? '',
    description: body.description,
    status: body.status || undefined,
    groupId: body.group_id,
    showcase: body.showcase,
    onlyShowIfDegraded: body.only_show_if_degraded,
    startDate: toIso(body.start_date),
    translations: body.translations as Record<string, Record<string, string>> | undefined,
  };
}

/** PATCH /components/{id} body → updateStatuspageComponent input. */
export function toUpdateComponentInput(id: string, body: ComponentBody) {
  const { startDate: _ignored, ...rest } = toCreateComponentInput(body);
  return { ...rest, id, name: body.name };
}

/** Whether a component PATCH changes only the status (what responders may do). */
export function isStatusOnly(body: ComponentBody): boolean {
  return Object.entries(body).every(([key, value]) => key === 'status' || value === undefined);
}

export const GroupBody = z.object({
  name: optional(z.string().trim().min(1, 'must not be blank').max(255, 'must be at most 255 characters')),
  description: optional(z.string().max(2000, 'must be at most 2,000 characters')),
  components: optional(IdList),
  /** Beacon extension (issue #15): `{ de: { name } }`, checked by the service (PATCH only). */
  translations: z.unknown().optional(),
});
export type GroupBody = z.output<typeof GroupBody>;

/** Group bodies: `description` is documented outside the wrapper, clients send it inside; both work. */
export function toGroupInput(body: GroupBody, outerDescription: unknown) {
  const description = body.description ?? (typeof outerDescription === 'string' ? outerDescription : undefined);
  return { name: body.name, description, componentIds: body.components, translations: body.translations as Record<string, Record<string, string>> | undefined };
}

export const TemplateBody = z.object({
  name: optional(z.string().trim().min(1, 'must not be blank').max(255, 'must be at most 255 characters')),
  title: optional(z.string().trim().min(1, 'must not be blank').max(255, 'must be at most 255 characters')),
  body: optional(z.string().max(25_000, 'must be at most 25,000 characters')),
  update_status: optional(z.enum(['investigating', 'identified', 'monitoring', 'resolved'], { message: 'must be investigating, identified, monitoring or resolved' })),
  component_ids: optional(IdList),
  group_id: optional(z.string()),
  should_tweet: optional(LooseBool),
  should_send_notifications: optional(LooseBool),
  /** Beacon extension (issue #15): `{ de: { title, body } }`, checked by the template service. */
  translations: z.unknown().optional(),
});
export type TemplateBody = z.output<typeof TemplateBody>;

/** Template bodies → template service input (group, tweet and notification presets are not stored). */
export function toTemplateInput(body: TemplateBody) {
  return {
    name: body.name,
    title: body.title,
    body: body.body,
    status: body.update_status,
    componentIds: body.component_ids,
    translations: body.translations as Record<string, Record<string, string>> | undefined,
  };
}

export const SubscriberBody = z.object({
  email: optional(z.string().trim().min(1, 'must not be blank')),
  endpoint: optional(z.string().trim().min(1, 'must not be blank')),
  component_ids: optional(IdList),
  phone_number: optional(z.string()),
  phone_country: optional(z.string()),
  skip_confirmation_notification: optional(LooseBool),
  page_access_user: optional(z.string()),
});
export type SubscriberBody = z.output<typeof SubscriberBody>;

/** POST /subscribers body → addSubscriber input; undefined for an SMS subscriber, which Beacon cannot serve. */
export function toAddSubscriberInput(body: SubscriberBody) {
  if (body.phone_number && !body.email && !body.endpoint) return undefined;
  return { email: body.email, endpoint: body.endpoint, componentIds: body.component_ids };
}

/** Service field names → the request field a client sent, for 422 messages. */
const FIELD_NAMES: Record<string, string> = {
  impactOverride: 'impact_override',
  deliverNotifications: 'deliver_notifications',
  backfillDate: 'backfill_date',
  startedAt: 'backfill_date',
  scheduledFor: 'scheduled_for',
  scheduledUntil: 'scheduled_until',
  autoStart: 'scheduled_auto_in_progress',
  autoComplete: 'scheduled_auto_completed',
  componentIds: 'component_ids',
  groupId: 'group_id',
  onlyShowIfDegraded: 'only_show_if_degraded',
  startDate: 'start_date',
  displayAt: 'display_at',
  url: 'endpoint',
};

/** Renames a service error's field to the client's: `scheduledFor` → `incident.scheduled_for`. */
export function requestFieldName(wrapper: string, serviceField: string, overrides: Record<string, string> = {}): string {
  const head = serviceField.split('.')[0] ?? serviceField;
  // A translation's error names the language (and field) as sent: `incident.translations.xx`.
  if (head === 'translations') return `${wrapper}.${serviceField}`;
  const name = overrides[head] ?? FIELD_NAMES[head] ?? head;
  return `${wrapper}.${name}`;
}
