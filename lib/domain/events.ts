import type { ComponentStatus } from '@/lib/domain/status';

/** What changed, as the services announce it: the seam for alerts, audit and live updates. */
export type DomainEvent =
  | { type: 'incident.created'; incidentId: string; updateId: string }
  | { type: 'incident.updated'; incidentId: string; updateId: string }
  | { type: 'incident.resolved'; incidentId: string; updateId: string }
  | { type: 'incident.postmortem_published'; incidentId: string; notify?: boolean }
  | { type: 'maintenance.scheduled'; incidentId: string; updateId: string }
  | { type: 'maintenance.updated'; incidentId: string; updateId: string }
  | { type: 'maintenance.started'; incidentId: string; updateId: string }
  | { type: 'maintenance.completed'; incidentId: string; updateId: string }
  | { type: 'maintenance.cancelled'; incidentId: string; updateId: string }
  | {
      type: 'component.status_changed';
      componentId: string;
      oldStatus: ComponentStatus;
      newStatus: ComponentStatus;
      at: string;
    }
  | { type: 'page.changed'; what: 'component' | 'group' | 'settings' | 'incident'; incidentId?: string }
  /** A system metric was defined, edited or deleted, or got data: `/` redraws its charts. */
  | { type: 'system_metrics.changed' };
