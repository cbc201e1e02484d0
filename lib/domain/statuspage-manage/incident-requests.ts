import { canReopen } from '@/lib/domain/lifecycle';
import type { Translations } from '@/lib/domain/localize';
import type { ComponentStatus, Impact, IncidentKind, IncidentStatus, MaintenanceStatus } from '@/lib/domain/status';
import { affectedComponents, toCreateIncidentInput, toUpdateIncidentInput, type IncidentBody } from '@/lib/domain/statuspage-manage/requests';

/**
 * Statuspage's POST and PATCH /incidents as plans of the console's verbs (issue #13): which
 * verbs to call, in order, with what; or the error naming the field as the client sent it. The
 * route reads the incident and the named components' statuses, and
 * lib/services/apply-statuspage-incident.ts runs the plan in one transaction.
 */

/** A POST or PATCH body once the edge has checked its translations and its components' ids. */
export type IncidentRequest = Omit<IncidentBody, 'translations'> & { translations?: Translations };

/** The incident a PATCH changes, as it is now. */
export interface IncidentNow {
  id: string;
  kind: IncidentKind;
  status: IncidentStatus | MaintenanceStatus;
}

/** The current statuses of the live components a request names; an id missing here is unknown. */
export type ComponentStatuses = ReadonlyMap<string, ComponentStatus>;

type Change = { id: string; status: ComponentStatus };
type OpenStatus = 'investigating' | 'identified' | 'monitoring';
type Refusal = Extract<IncidentPlan, { ok: false }>;

/** One verb call; each `input` is what that verb's schema takes. */
export type IncidentStep =
  | {
      verb: 'createIncident';
      input: { name: string; status: OpenStatus | 'resolved'; body: string; components: Change[]; impactOverride?: Impact; startedAt?: string; deliverNotifications: boolean; translations?: Translations };
    }
  | {
      verb: 'createMaintenance';
      input: { name: string; body: string; scheduledFor: string; scheduledUntil: string; componentIds: string[]; autoStart: boolean; autoComplete: boolean; deliverNotifications: boolean; translations?: Translations };
    }
  | { verb: 'editIncident'; input: { id: string; name?: string; impactOverride?: Impact; translations?: Translations } }
  | { verb: 'editMaintenance'; input: { id: string; name?: string; autoStart?: boolean; autoComplete?: boolean; translations?: Translations } }
  | {
      verb: 'updateMaintenance';
      input: { id: string; status: MaintenanceStatus; body: string; scheduledFor?: string; scheduledUntil?: string; deliverNotifications: boolean; translations?: Translations };
    }
  | { verb: 'reopenIncident'; input: { incidentId: string; status: OpenStatus; body: string; components: Change[]; deliverNotifications: boolean } }
  | {
      verb: 'addIncidentUpdate';
      input: { incidentId: string; status: IncidentStatus | MaintenanceStatus; body: string; components: Change[]; impactOverride?: Impact; deliverNotifications: boolean; translations?: Translations };
    };

export type IncidentPlan = { ok: true; steps: IncidentStep[] } | { ok: false; message: string; fields: Record<string, string> };

const MAINTENANCE_V1: readonly string[] = ['scheduled', 'in_progress', 'verifying', 'completed'];

/** The ids of the components a request names, whose statuses planning needs. */
export function namedComponentIds(request: IncidentRequest): string[] {
  return (affectedComponents(request) ?? []).map((c) => c.id);
}

/**
 * POST /incidents: a scheduled maintenance when a window or a maintenance status is given, a
 * backfilled (already resolved, unannounced) incident, or a realtime one. Components named
 * without a status are affected but keep the status they have.
 */
export function planIncidentCreate(request: IncidentRequest, { statuses }: { statuses: ComponentStatuses }): IncidentPlan {
  if (request.name === undefined) return refuse('name is required', { name: 'is required' });
  const data = toCreateIncidentInput(request);
  const named = data.components ?? [];
  const components = withStatuses(named, statuses);
  if (!components.ok) return components;
  const deliverNotifications = data.deliverNotifications ?? true;
  const common = { name: data.name, body: data.body ?? '', translations: request.translations };

  const isMaintenance = (data.status !== undefined && MAINTENANCE_V1.includes(data.status)) || data.scheduledFor !== undefined || data.scheduledUntil !== undefined;
  if (isMaintenance) {
    if (data.status !== undefined && data.status !== 'scheduled') return refuse('A maintenance is created as scheduled', { status: 'must be scheduled for a maintenance' });
    if (!data.scheduledFor) return refuse('scheduled_for is required', { scheduled_for: 'is required for a maintenance' });
    if (!data.scheduledUntil) return refuse('scheduled_until is required', { scheduled_until: 'is required for a maintenance' });
    return plan({
      verb: 'createMaintenance',
      input: {
        ...common,
        scheduledFor: data.scheduledFor,
        scheduledUntil: data.scheduledUntil,
        componentIds: named.map((c) => c.id),
        // Statuspage starts and completes a maintenance by itself only when asked to.
        autoStart: data.autoStart ?? false,
        autoComplete: data.autoComplete ?? false,
        deliverNotifications,
      },
    });
  }
  if (data.backfilled) {
    if (named.length > 0) return refuse('A backfilled incident cannot name components', { components: 'not allowed when backfilled' });
    return plan({
      verb: 'createIncident',
      input: { ...common, status: 'resolved', components: [], impactOverride: data.impactOverride, startedAt: data.backfillDate, deliverNotifications: false },
    });
  }
  return plan({
    verb: 'createIncident',
    input: { ...common, status: (data.status as OpenStatus | 'resolved' | undefined) ?? 'investigating', components: components.changes, impactOverride: data.impactOverride, deliverNotifications },
  });
}

/**
 * PATCH /incidents/{id}: a new status, body or component statuses post one update (as
 * Statuspage does), reopening a resolved incident at an open status; name, impact override,
 * automatic start and completion and the title's translations are edited in place first,
 * without one. Resolving changes only the components that are sent.
 */
export function planIncidentPatch(request: IncidentRequest, { incident, statuses }: { incident: IncidentNow; statuses: ComponentStatuses }): IncidentPlan {
  const data = toUpdateIncidentInput(incident.id, request);
  const maintenance = incident.kind === 'maintenance';
  const kind = maintenance ? 'a maintenance' : 'an incident';
  if (data.status && MAINTENANCE_V1.includes(data.status) !== maintenance) {
    return refuse(`${data.status} is not a status of ${kind}`, { status: `not a status of ${kind}` });
  }
  const rescheduling = data.scheduledFor !== undefined || data.scheduledUntil !== undefined;
  if (!maintenance && rescheduling) return refuse('Only a maintenance has a window', { scheduled_for: 'only for a maintenance' });

  // A client sending the whole object (current status included) with an edit is not posting an
  // update; the same status alone is, and is refused as "already" by the lifecycle.
  const inPlace = data.name !== undefined || data.impactOverride !== undefined || data.autoStart !== undefined || data.autoComplete !== undefined;
  const echoesStatus = data.status === incident.status && data.body === undefined && data.components === undefined && inPlace;
  const postsUpdate = (data.status !== undefined && !echoesStatus) || data.body !== undefined || data.components !== undefined;
  const titles = onlyField(request.translations, 'name');
  const bodies = onlyField(request.translations, 'body');
  const deliverNotifications = data.deliverNotifications ?? true;
  const body = data.body ?? '';

  const steps: IncidentStep[] = [];
  if (maintenance) {
    if (data.name !== undefined || data.autoStart !== undefined || data.autoComplete !== undefined || titles) {
      steps.push({ verb: 'editMaintenance', input: { id: incident.id, name: data.name, autoStart: data.autoStart, autoComplete: data.autoComplete, translations: titles } });
    }
  } else {
    // An impact override sent with an update goes with the update.
    const impactOverride = postsUpdate ? undefined : data.impactOverride;
    if (data.name !== undefined || impactOverride !== undefined || titles) {
      steps.push({ verb: 'editIncident', input: { id: incident.id, name: data.name, impactOverride, translations: titles } });
    }
  }

  if (maintenance && data.components === undefined && (postsUpdate || rescheduling)) {
    // The kind was checked above: a maintenance's status, sent or kept.
    const status = (data.status ?? incident.status) as MaintenanceStatus;
    steps.push({
      verb: 'updateMaintenance',
      input: { id: incident.id, status, body, scheduledFor: data.scheduledFor, scheduledUntil: data.scheduledUntil, deliverNotifications, translations: bodies },
    });
  } else if (postsUpdate) {
    if (rescheduling) return refuse('Send a new window and component statuses in separate requests', { scheduled_for: 'cannot be combined with components' });
    const components = withStatuses(data.components ?? [], statuses);
    if (!components.ok) return components;
    const status = data.status ?? incident.status;
    if (!maintenance && canReopen('incident', incident.status, status)) {
      // Statuspage reopens a resolved incident by PATCHing an open status.
      steps.push({ verb: 'reopenIncident', input: { incidentId: incident.id, status: status as OpenStatus, body, components: components.changes, deliverNotifications } });
    } else {
      steps.push({
        verb: 'addIncidentUpdate',
        input: { incidentId: incident.id, status, body, components: components.changes, impactOverride: maintenance ? undefined : data.impactOverride, deliverNotifications, translations: bodies },
      });
    }
  }
  return { ok: true, steps };
}

function plan(...steps: IncidentStep[]): IncidentPlan {
  return { ok: true, steps };
}

function refuse(message: string, fields: Record<string, string>): Refusal {
  return { ok: false, message, fields };
}

/** Named components with their statuses, a null status read as the one they have; unknown ones refused. */
function withStatuses(named: { id: string; status: ComponentStatus | null }[], statuses: ComponentStatuses): { ok: true; changes: Change[] } | Refusal {
  const missing = named.filter((c) => !statuses.has(c.id)).map((c) => c.id);
  if (missing.length > 0) return refuse(`Unknown component: ${missing.join(', ')}`, { components: `unknown component ${missing[0]}` });
  return { ok: true, changes: named.map((c) => ({ id: c.id, status: c.status ?? statuses.get(c.id)! })) };
}

/** One field of `{ de: { name, body } }`, or undefined when no language has it. */
function onlyField(translations: Translations | undefined, field: 'name' | 'body'): Translations | undefined {
  const entries = Object.entries(translations ?? {}).flatMap(([l, t]) => (t?.[field] ? [[l, { [field]: t[field] }]] : []));
  return entries.length > 0 ? (Object.fromEntries(entries) as Translations) : undefined;
}
