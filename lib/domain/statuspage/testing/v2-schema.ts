import { z } from 'zod';

// The Statuspage v2 shapes written from reference/statuspage-api-v2.md, strict: an extra or
// missing key, a wrong type, a bad enum value or a missing null fails the parse.
const Iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2})$/, 'ISO 8601 with offset');
const Id = z.string().regex(/^[a-z0-9]{12}$/, '12-character lowercase id');
const ComponentStatus = z.enum(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']);

export const V2Page = z.strictObject({
  id: Id,
  name: z.string(),
  url: z.url(),
  time_zone: z.string().min(1),
  updated_at: Iso,
});

export const V2Status = z.strictObject({
  indicator: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
  description: z.enum([
    'All Systems Operational',
    'Partially Degraded Service',
    'Minor Service Outage',
    'Partial System Outage',
    'Major System Outage',
    'Service Under Maintenance',
  ]),
});

export const V2Component = z.strictObject({
  id: Id,
  name: z.string(),
  status: ComponentStatus,
  created_at: Iso,
  updated_at: Iso,
  position: z.number().int().min(1),
  description: z.string().nullable(),
  showcase: z.boolean(),
  start_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  group_id: Id.nullable(),
  page_id: Id,
  group: z.boolean(),
  only_show_if_degraded: z.boolean(),
  components: z.array(Id).optional(),
});

const IncidentStatus = z.enum(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem']);
const MaintenanceStatus = z.enum(['scheduled', 'in_progress', 'verifying', 'completed']);

export const V2Update = z.strictObject({
  id: Id,
  status: z.union([IncidentStatus, MaintenanceStatus]),
  body: z.string(),
  incident_id: Id,
  created_at: Iso,
  updated_at: Iso,
  display_at: Iso,
  affected_components: z
    .array(z.strictObject({ code: Id, name: z.string(), old_status: ComponentStatus, new_status: ComponentStatus }))
    .nullable(),
  deliver_notifications: z.boolean(),
  custom_tweet: z.null(),
  tweet_id: z.null(),
});

const incidentFields = {
  id: Id,
  name: z.string(),
  created_at: Iso,
  updated_at: Iso,
  monitoring_at: Iso.nullable(),
  resolved_at: Iso.nullable(),
  shortlink: z.url(),
  started_at: Iso,
  page_id: Id,
  incident_updates: z.array(V2Update).min(1),
  components: z.array(V2Component),
};

export const V2Incident = z.strictObject({
  ...incidentFields,
  status: IncidentStatus,
  impact: z.enum(['none', 'minor', 'major', 'critical']),
});

export const V2Maintenance = z.strictObject({
  ...incidentFields,
  status: MaintenanceStatus,
  impact: z.literal('maintenance'),
  scheduled_for: Iso,
  scheduled_until: Iso,
});

/** The strict schema of each endpoint's body. */
export const V2_SCHEMAS = {
  'summary.json': z.strictObject({
    page: V2Page,
    components: z.array(V2Component),
    incidents: z.array(V2Incident),
    scheduled_maintenances: z.array(V2Maintenance),
    status: V2Status,
  }),
  'status.json': z.strictObject({ page: V2Page, status: V2Status }),
  'components.json': z.strictObject({ page: V2Page, components: z.array(V2Component) }),
  'incidents.json': z.strictObject({ page: V2Page, incidents: z.array(V2Incident).max(50) }),
  'incidents/unresolved.json': z.strictObject({ page: V2Page, incidents: z.array(V2Incident) }),
  'scheduled-maintenances.json': z.strictObject({ page: V2Page, scheduled_maintenances: z.array(V2Maintenance).max(50) }),
  'scheduled-maintenances/upcoming.json': z.strictObject({ page: V2Page, scheduled_maintenances: z.array(V2Maintenance) }),
  'scheduled-maintenances/active.json': z.strictObject({ page: V2Page, scheduled_maintenances: z.array(V2Maintenance) }),
} as const;
