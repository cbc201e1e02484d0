import type { IncidentKind, IncidentStatus, MaintenanceStatus } from '@/lib/domain/status';

type AnyStatus = IncidentStatus | MaintenanceStatus;

const OPEN = ['investigating', 'identified', 'monitoring'] as const;

// Moves only: a status never moves to itself (a second start of a started maintenance, a second
// resolve). Another update at the same status is a different thing, see updateVerdict.
const INCIDENT_NEXT: Record<IncidentStatus, readonly IncidentStatus[]> = {
  investigating: ['identified', 'monitoring', 'resolved'],
  identified: ['investigating', 'monitoring', 'resolved'],
  monitoring: ['investigating', 'identified', 'resolved'],
  resolved: ['postmortem'],
  postmortem: [],
};

const MAINTENANCE_NEXT: Record<MaintenanceStatus, readonly MaintenanceStatus[]> = {
  scheduled: ['in_progress', 'cancelled'],
  in_progress: ['verifying', 'completed'],
  verifying: ['in_progress', 'completed'],
  completed: [],
  cancelled: [],
};

// Where an operator may post another update without changing state, as Statuspage allows.
const KEEPS_POSTING: Record<IncidentKind, readonly string[]> = {
  incident: [...OPEN, 'resolved', 'postmortem'],
  maintenance: ['scheduled', 'in_progress', 'verifying', 'completed'],
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

/**
 * Statuses an update may be posted with on an item at `from`: its moves, and `from` itself where
 * another update may be posted at the same status (the console's status choices). Empty for
 * unknown statuses.
 */
export function allowedNextStatuses(kind: IncidentKind, from: AnyStatus): readonly AnyStatus[] {
  const table = NEXT[kind];
  const moves = Object.hasOwn(table, from) ? (table[from] ?? []) : [];
  return KEEPS_POSTING[kind].includes(from) ? [from, ...moves] : moves;
}

/** Whether `from` → `to` is a move of the lifecycle; never for `from` itself, nor unknown statuses. */
export function canTransition(kind: IncidentKind, from: string, to: string): boolean {
  const table = NEXT[kind];
  return Object.hasOwn(table, from) && (table[from] as readonly string[]).includes(to);
}

export type UpdateVerdict = 'move' | 'same_status' | 'already' | 'refused';

/**
 * What posting an update at `to` on an item at `from` is: a `move`; another update at the same
 * status (`same_status`), allowed when it carries news (text, component changes, a new window)
 * and is not meant as a move; `already` there (a start of a started maintenance, a status-only
 * update that changes nothing); or `refused` by the lifecycle.
 */
export function updateVerdict(
  kind: IncidentKind,
  from: string,
  to: string,
  update: { carriesNews: boolean; isMove?: boolean },
): UpdateVerdict {
  if (from !== to) return canTransition(kind, from, to) ? 'move' : 'refused';
  if (!KEEPS_POSTING[kind].includes(from)) return 'refused';
  return update.carriesNews && !update.isMove ? 'same_status' : 'already';
}

/** Whether the status ends the lifecycle (no longer shown as unresolved or upcoming/active). */
export function isTerminal(kind: IncidentKind, status: string): boolean {
  return TERMINAL[kind].includes(status);
}

/** Statuses an incident or maintenance may be created with. */
export function initialStatuses(kind: IncidentKind): readonly string[] {
  return INITIAL[kind];
}

/**
 * Whether a finished incident may be reopened at `to`: a resolved incident (postmortem or not)
 * goes back to an open status when it turns out not to be over. Maintenance is never reopened.
 */
export function canReopen(kind: IncidentKind, from: string, to: string): boolean {
  return kind === 'incident' && TERMINAL.incident.includes(from) && (OPEN as readonly string[]).includes(to);
}
