import type { ComponentStatus } from '@/lib/domain/status';
import { afterCommit, type DbOrTx } from '@/lib/db/transaction';
import { publishChange } from '@/lib/live/change-bus';
import { notifyInstances } from '@/lib/live/notify-instances';
import { enqueueNotifications } from '@/lib/notify/enqueue';

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
  | { type: 'page.changed'; what: 'component' | 'group' | 'settings' | 'incident'; incidentId?: string };

/**
 * Announces a change from inside the service's transaction: alerts are enqueued in the same
 * transaction (so they exist exactly when the change does); listeners hear of it after commit.
 */
export async function emit(db: DbOrTx, event: DomainEvent, now: Date): Promise<void> {
  await enqueueNotifications(db, event, now);
  await notifyInstances(db, event);
  afterCommit(db, () => publishChange(event));
}
