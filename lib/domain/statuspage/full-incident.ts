import { toSpIncident, toSpMaintenance, type IncidentContext } from '@/lib/domain/statuspage/incidents';
import { isoTimeOrNull } from '@/lib/domain/statuspage/time';
import type { Impact } from '@/lib/domain/status';
import type {
  AffectedComponent,
  IncidentInput,
  SpComponent,
  SpIncident,
  SpIncidentUpdate,
} from '@/lib/domain/statuspage/types';

/**
 * Fields the v2 reference (B.3, and the webhook capture in C.1) lists on incidents in webhooks and
 * the manage API but not in the public v2 documents. The public API leaves them out on purpose, so
 * a webhook `incident` is the v2 incident plus exactly these.
 */
export const FULL_ONLY_INCIDENT_FIELDS = [
  'impact_override',
  'postmortem_body',
  'postmortem_body_last_updated_at',
  'postmortem_published_at',
  'postmortem_ignored',
  'postmortem_notified_subscribers',
  'postmortem_notified_twitter',
  'backfilled',
  'scheduled_remind_prior',
  'scheduled_reminded_at',
  'scheduled_auto_in_progress',
  'scheduled_auto_completed',
] as const;

/** Likewise on incident updates (B.3: "on updates `wants_twitter_update`, `twitter_updated_at`"). */
export const FULL_ONLY_UPDATE_FIELDS = ['wants_twitter_update', 'twitter_updated_at'] as const;

export interface SpFullIncidentUpdate extends SpIncidentUpdate {
  wants_twitter_update: false;
  twitter_updated_at: null;
}

/**
 * An incident or maintenance as webhooks carry it. `scheduled_for`/`scheduled_until` are on every
 * one, null on incidents (the C.1 capture), where v2 has them only on maintenance.
 */
export interface SpFullIncident<C extends AffectedComponent = SpComponent> extends Omit<SpIncident<C>, 'incident_updates'> {
  scheduled_for: string | null;
  scheduled_until: string | null;
  impact_override: Impact | null;
  postmortem_body: string | null;
  postmortem_body_last_updated_at: string | null;
  postmortem_published_at: string | null;
  postmortem_ignored: boolean;
  postmortem_notified_subscribers: boolean;
  postmortem_notified_twitter: boolean;
  backfilled: boolean;
  scheduled_remind_prior: boolean;
  scheduled_reminded_at: null;
  scheduled_auto_in_progress: boolean;
  scheduled_auto_completed: boolean;
  incident_updates: SpFullIncidentUpdate[];
}

/** The webhook (and manage API) incident: the v2 incident or maintenance, plus the fields above. */
export function toSpFullIncident<C extends AffectedComponent = SpComponent>(
  incident: IncidentInput,
  ctx: IncidentContext<C>,
): SpFullIncident<C> {
  const maintenance = incident.kind === 'maintenance';
  const base = maintenance
    ? toSpMaintenance(incident, ctx)
    : { ...toSpIncident(incident, ctx), scheduled_for: null, scheduled_until: null };
  const published = isoTimeOrNull(incident.postmortem_published_at);
  return {
    ...base,
    impact_override: incident.impact_override,
    // An unpublished postmortem is a draft: nobody outside the console reads it.
    postmortem_body: published ? incident.postmortem_body : null,
    postmortem_body_last_updated_at: published,
    postmortem_published_at: published,
    postmortem_ignored: false,
    postmortem_notified_subscribers: false,
    postmortem_notified_twitter: false,
    backfilled: false,
    // Beacon reminds subscribers before every maintenance window.
    scheduled_remind_prior: maintenance,
    scheduled_reminded_at: null,
    scheduled_auto_in_progress: incident.auto_start,
    scheduled_auto_completed: incident.auto_complete,
    incident_updates: base.incident_updates.map((u) => ({ ...u, wants_twitter_update: false, twitter_updated_at: null })),
  };
}
