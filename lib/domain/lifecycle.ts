import type { IncidentKind, IncidentStatus, MaintenanceStatus } from '@/lib/domain/status';

type AnyStatus = IncidentStatus | MaintenanceStatus;

const OPEN = ['investigating', 'identified', 'monitoring'] as const;

// Same-status moves are allowed where an operator may post another update without changing state.
const INCIDENT_NEXT: Record<IncidentStatus, readonly IncidentStatus[]> = {
  investigating: [...OPEN, 'resolved'],
  identified: [...OPEN, 'resolved'],
  monitoring: [...OPEN, 'resolved'],
  resolved: ['resolved', 'postmortem'],
  postmortem: ['postmortem'],
};

const MAINTENANCE_NEXT: Record<MaintenanceStatus, readonly MaintenanceStatus[]> = {
  scheduled: ['scheduled', 'in_progress', 'cancelled'],
  in_progress: ['in_progress', 'verifying', 'completed'],
  verifying: ['verifying', 'in_progress', 'completed'],
  completed: ['completed'],
  cancelled: [],
};

const NEXT: Record<IncidentKind, Readonly<Record<string, readonly AnyStatus[]>>> = {
  incident: INCIDENT_NEXT,
  maintenance: MAINTENANCE_NEXT,
};

const TERMINAL: Record<IncidentKind, readonly string[]> = {
  incident: ['resolved', 'postmortem'],
  maintenance: ['completed', 'cancelled'],
};

const INITIAL: Record<IncidentKind, readonly string[]> = {
  // A backfilled incident is recorded after the fact, already resolved.
  incident: [...OPEN, 'resolved'],
  maintenance: ['scheduled', 'in_progress'],
};

/** Statuses an update may move an incident or maintenance to from `from`; empty for unknown statuses. */
export function allowedNextStatuses(kind: IncidentKind, from: AnyStatus): readonly AnyStatus[] {
  const table = NEXT[kind];
  return Object.hasOwn(table, from) ? (table[from] ?? []) : [];
}

/** Whether an update may move `from` → `to`; false for any status this kind does not know. */
export function canTransition(kind: IncidentKind, from: string, to: string): boolean {
  return (allowedNextStatuses(kind, from as AnyStatus) as readonly string[]).includes(to);
}

/** Whether the status ends the lifecycle (no longer shown as unresolved or upcoming/active). */
export function isTerminal(kind: IncidentKind, status: string): boolean {
  return TERMINAL[kind].includes(status);
}

/** Statuses an incident or maintenance may be created with. */
export function initialStatuses(kind: IncidentKind): readonly string[] {
  return INITIAL[kind];
}
