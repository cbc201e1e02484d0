import type { LiveEvent } from '@/lib/live/live-event';

/**
 * What a change touched, as far as the snapshots care: everything (settings, components or
 * groups edited, another instance's change without details, the database having been down), or
 * some incidents (incident and maintenance ids) and/or component statuses.
 */
export interface ChangeScope {
  all: boolean;
  incidents: ReadonlySet<string>;
  /** A component's status changed: `/`, the component documents and the badges. */
  componentStatus: boolean;
}

/** The scope that rebuilds every snapshot and drops every cached page. */
export const EVERYTHING: ChangeScope = Object.freeze({ all: true, incidents: new Set<string>(), componentStatus: true });

const incidentOnly = (id: string): ChangeScope => ({ all: false, incidents: new Set([id]), componentStatus: false });

/**
 * The scope of one live event. Anything not known to touch less (a new event type, a page
 * change without an id) is everything: correct first, fast where it is known to be safe.
 */
export function scopeOf(event: LiveEvent): ChangeScope {
  switch (event.type) {
    case 'incident.created':
    case 'incident.updated':
    case 'incident.resolved':
    case 'maintenance.scheduled':
    case 'maintenance.updated':
    case 'maintenance.started':
    case 'maintenance.completed':
    case 'maintenance.cancelled':
      // An update may move components too: those services announce each move of their own.
      return incidentOnly(event.incidentId);
    case 'incident.postmortem_published':
      return incidentOnly(event.incidentId);
    case 'component.status_changed':
    case 'system_metrics.changed': // charts are on `/` only: the same re-render of `/` as a status change
      return { all: false, incidents: new Set(), componentStatus: true };
    case 'page.changed':
      return event.what === 'incident' && event.incidentId ? incidentOnly(event.incidentId) : EVERYTHING;
    default:
      return EVERYTHING;
  }
}

/** The scope of two changes coalesced into one rebuild. */
export function mergeScopes(a: ChangeScope | null, b: ChangeScope): ChangeScope {
  if (!a) return b;
  if (a.all || b.all) return EVERYTHING;
  return { all: false, incidents: new Set([...a.incidents, ...b.incidents]), componentStatus: a.componentStatus || b.componentStatus };
}
