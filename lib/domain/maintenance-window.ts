import type { MaintenanceStatus } from '@/lib/domain/status';

/** A scheduled maintenance as the scheduler sees it; times are ISO strings. */
export interface MaintenanceWindow {
  status: MaintenanceStatus;
  scheduledFor: string;
  scheduledUntil: string;
  autoStart: boolean;
  autoComplete: boolean;
}

export type MaintenancePhase = 'upcoming' | 'active' | 'overdue' | 'finished';

/** The status the scheduler should move this maintenance to at `now`, if any. */
export function dueTransition(m: MaintenanceWindow, now: Date): 'in_progress' | 'completed' | undefined {
  const t = now.getTime();
  const from = Date.parse(m.scheduledFor);
  const until = Date.parse(m.scheduledUntil);
  if (m.status === 'scheduled' && m.autoStart) {
    if (t >= from && t < until) return 'in_progress';
    // The whole window passed while nobody ran the scheduler: close it in one step.
    if (m.autoComplete && t >= until) return 'completed';
    return undefined;
  }
  if ((m.status === 'in_progress' || m.status === 'verifying') && m.autoComplete && t >= until) return 'completed';
  return undefined;
}

/** Where this maintenance stands for display: upcoming, active, overdue (window reached, not started) or finished. */
export function maintenancePhase(m: MaintenanceWindow, now: Date): MaintenancePhase {
  switch (m.status) {
    case 'completed':
    case 'cancelled':
      return 'finished';
    case 'in_progress':
    case 'verifying':
      return 'active';
    case 'scheduled':
      return now.getTime() < Date.parse(m.scheduledFor) ? 'upcoming' : 'overdue';
  }
}
