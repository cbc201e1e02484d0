import type { IncidentKind } from '@/lib/domain/status';

/** Resolved incidents and completed maintenance stay in the history at least this long. */
export const RETENTION_DAYS = 365;

const DAY_MS = 86_400_000;

/** Statuses of something that happened and is over: history that retention protects. */
const FINISHED: Record<IncidentKind, readonly string[]> = {
  incident: ['resolved', 'postmortem'],
  maintenance: ['completed'],
};

export type DeletionVerdict =
  | { allowed: true; reason: 'unresolved' | 'never_happened' | 'past_retention' }
  | { allowed: false; reason: 'retained'; deletableFrom: string };

/**
 * Whether an incident or maintenance may be deleted at `now`. Unresolved incidents (a
 * mistake caught early), maintenance that has not started or was cancelled may go at
 * once; anything that finished is kept for RETENTION_DAYS after it ended.
 */
export function deletionVerdict(
  incident: { kind: IncidentKind; status: string; resolved_at: string | null; updated_at: string },
  now: Date,
): DeletionVerdict {
  if (!FINISHED[incident.kind].includes(incident.status)) {
    const neverHappened = incident.kind === 'maintenance' && ['scheduled', 'cancelled'].includes(incident.status);
    return { allowed: true, reason: neverHappened ? 'never_happened' : 'unresolved' };
  }
  // A finished row without resolved_at is treated as finished at its last change: the later, safer end.
  const endedAt = Date.parse(incident.resolved_at ?? incident.updated_at);
  const deletableFrom = new Date(endedAt + RETENTION_DAYS * DAY_MS);
  if (now.getTime() >= deletableFrom.getTime()) return { allowed: true, reason: 'past_retention' };
  return { allowed: false, reason: 'retained', deletableFrom: deletableFrom.toISOString() };
}
