import { z } from 'zod';
import { COMPONENT_STATUSES } from '@/lib/domain/status';

// What the importer reads from a Statuspage-compatible page: the v2 fields it keeps, loose
// elsewhere (real pages add fields), strict on the values it stores.

const Time = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time');
const Status = z.enum(COMPONENT_STATUSES);

export const ImportedComponent = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  status: Status,
  created_at: Time,
  updated_at: Time,
  position: z.number().int(),
  description: z.string().nullish(),
  showcase: z.boolean().optional(),
  start_date: z.string().nullish(),
  group_id: z.string().nullish(),
  group: z.boolean().optional(),
  only_show_if_degraded: z.boolean().optional(),
  components: z.array(z.string()).optional(),
});
export type ImportedComponent = z.infer<typeof ImportedComponent>;

const UpdateStatus = z.enum(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem', 'scheduled', 'in_progress', 'verifying', 'completed']);

export const ImportedUpdate = z.looseObject({
  id: z.string().min(1),
  status: UpdateStatus,
  body: z.string().nullish(),
  created_at: Time,
  updated_at: Time.nullish(),
  display_at: Time.nullish(),
  deliver_notifications: z.boolean().optional(),
  affected_components: z
    .array(z.looseObject({ code: z.string(), name: z.string().optional(), old_status: Status, new_status: Status }))
    .nullish(),
});
export type ImportedUpdate = z.infer<typeof ImportedUpdate>;

export const ImportedIncident = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  status: UpdateStatus,
  impact: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
  created_at: Time,
  updated_at: Time,
  started_at: Time.nullish(),
  monitoring_at: Time.nullish(),
  resolved_at: Time.nullish(),
  scheduled_for: Time.nullish(),
  scheduled_until: Time.nullish(),
  incident_updates: z.array(ImportedUpdate),
  /** Only the manage API (and webhooks) carry the postmortem. */
  postmortem_body: z.string().nullish(),
  postmortem_published_at: Time.nullish(),
  components: z.array(z.looseObject({ id: z.string() })).optional(),
});
export type ImportedIncident = z.infer<typeof ImportedIncident>;

/** Everything an import reads, gathered from the page's documents. */
export const ImportedPage = z.object({
  page: z.looseObject({ id: z.string(), name: z.string().min(1), url: z.string().nullish(), time_zone: z.string().nullish() }),
  components: z.array(ImportedComponent),
  incidents: z.array(ImportedIncident),
  scheduled_maintenances: z.array(ImportedIncident),
});
export type ImportedPage = z.infer<typeof ImportedPage>;

/** An ISO time as Beacon stores it (UTC, milliseconds), whatever offset the page wrote. */
export function utc(value: string): string {
  return new Date(value).toISOString();
}

/** `start_date` (`YYYY-MM-DD`) as the start of that day in UTC; a component without one starts when created. */
export function startOf(component: Pick<ImportedComponent, 'start_date' | 'created_at'>): string {
  return component.start_date ? utc(`${component.start_date.slice(0, 10)}T00:00:00.000Z`) : utc(component.created_at);
}
