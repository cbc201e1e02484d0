import type { DomainEvent } from '@/lib/domain/events';

/** The alert kinds subscribers can receive; also the webhook `type` field. */
export const ALERT_KINDS = [
  'incident.created',
  'incident.updated',
  'incident.resolved',
  'incident.postmortem',
  'maintenance.scheduled',
  'maintenance.reminder',
  'maintenance.started',
  'maintenance.updated',
  'maintenance.completed',
  'maintenance.cancelled',
  'component.updated',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Messages about the subscription itself, not about the page. */
export type SubscriptionMessageKind = 'subscription.confirm' | 'subscription.verify' | 'subscription.disabled' | 'subscription.unsubscribed';

/** An early notice to some audiences (issue #16 part 4), posted to their members' webhooks and chat channels. */
export type NoticeMessageKind = 'notice.sent';

/** What a subscriber asked to hear. */
export interface SubscriberPreferences {
  kind: 'email' | 'webhook';
  events: 'all' | 'start_and_resolution';
  maintenance: boolean;
  allComponents: boolean;
  componentIds: ReadonlySet<string>;
}

/** Which alert a committed change is, or null when subscribers are not told about it. */
export function alertKindOf(event: DomainEvent): AlertKind | null {
  switch (event.type) {
    case 'incident.created':
    case 'incident.updated':
    case 'incident.resolved':
    case 'maintenance.scheduled':
    case 'maintenance.started':
    case 'maintenance.updated':
    case 'maintenance.completed':
    case 'maintenance.cancelled':
      return event.type;
    case 'incident.postmortem_published':
      return 'incident.postmortem';
    case 'component.status_changed':
      return 'component.updated';
    default:
      return null;
  }
}

// Kinds that "only start and resolution" subscribers still get.
const MILESTONES: ReadonlySet<AlertKind> = new Set([
  'incident.created',
  'incident.resolved',
  'maintenance.scheduled',
  'maintenance.reminder',
  'maintenance.started',
  'maintenance.completed',
  'maintenance.cancelled',
]);

/**
 * Whether a subscriber gets an alert: the kinds they chose, maintenance only if wanted,
 * component changes only by webhook, and only alerts touching their components
 * (an alert naming no component reaches everyone).
 */
export function wantsAlert(sub: SubscriberPreferences, alert: { kind: AlertKind; componentIds: readonly string[] }): boolean {
  if (alert.kind === 'component.updated' && sub.kind !== 'webhook') return false;
  if (alert.kind.startsWith('maintenance.') && !sub.maintenance) return false;
  if (sub.events === 'start_and_resolution' && !MILESTONES.has(alert.kind)) return false;
  if (sub.allComponents || alert.componentIds.length === 0) return true;
  return alert.componentIds.some((id) => sub.componentIds.has(id));
}

/** The key that makes an alert unique: the same change never produces two alerts. */
export function alertKey(kind: AlertKind, ref: { updateId?: string; incidentId?: string; componentId?: string; at?: string }): string {
  if (ref.updateId) return `${kind}:${ref.updateId}`;
  if (ref.componentId) return `${kind}:${ref.componentId}:${ref.at ?? ''}`;
  if (kind === 'maintenance.reminder') return `${kind}:${ref.incidentId}:${ref.at ?? ''}`;
  return `${kind}:${ref.incidentId}`;
}

/** A maintenance reminder is due inside the lead time before the start, unless it was scheduled inside that window. */
export function reminderDue(
  m: { status: string; scheduled_for: string | null; created_at: string },
  now: Date,
  leadMs: number,
): boolean {
  if (m.status !== 'scheduled' || !m.scheduled_for || leadMs <= 0) return false;
  const start = Date.parse(m.scheduled_for);
  const remindAt = start - leadMs;
  return now.getTime() >= remindAt && now.getTime() < start && Date.parse(m.created_at) < remindAt;
}
