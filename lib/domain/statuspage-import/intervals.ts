import type { ComponentStatus } from '@/lib/domain/status';

/** A status a component held from `started_at` until the next one (the last stays open). */
export interface RebuiltInterval {
  status: ComponentStatus;
  started_at: string;
  ended_at: string | null;
}

/**
 * A component's status history rebuilt from the changes the incident updates recorded: operational
 * from its start, then each change at its display time, ending in its status now (changed at its
 * `updated_at` if the updates do not end there). Changes before the start are left out.
 */
export function rebuildIntervals(input: {
  start: string;
  current: ComponentStatus;
  currentSince: string;
  changes: readonly { at: string; status: ComponentStatus }[];
}): RebuiltInterval[] {
  const start = Date.parse(input.start);
  const points: { at: number; status: ComponentStatus }[] = [{ at: start, status: 'operational' }];
  const changes = input.changes.map((c) => ({ at: Date.parse(c.at), status: c.status })).filter((c) => c.at >= start);
  changes.sort((a, b) => a.at - b.at);
  for (const c of changes) points.push(c);
  const last = points.at(-1)!;
  if (last.status !== input.current) points.push({ at: Math.max(Date.parse(input.currentSince), last.at), status: input.current });
  // One interval per run of equal statuses; a zero-length interval is dropped.
  const merged: { at: number; status: ComponentStatus }[] = [];
  for (const p of points) {
    const prev = merged.at(-1);
    if (prev && prev.at === p.at) prev.status = p.status;
    else if (!prev || prev.status !== p.status) merged.push({ ...p });
  }
  return merged.map((p, i) => ({
    status: p.status,
    started_at: new Date(p.at).toISOString(),
    ended_at: i + 1 < merged.length ? new Date(merged[i + 1]!.at).toISOString() : null,
  }));
}
