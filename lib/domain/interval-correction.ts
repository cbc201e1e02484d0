/** One stored status interval, as the correction rule sees it (ISO times; `endedAt` null while open). */
export interface IntervalSpan {
  id: number;
  startedAt: string;
  endedAt: string | null;
}

export interface CorrectedSpans {
  /** The new start of the corrected interval and the end of the one before it. */
  startedAt: string;
  /** The new end of the corrected interval and the start of the one after it (null while open). */
  endedAt: string | null;
}

export type CorrectionVerdict = { ok: true; spans: CorrectedSpans } | { ok: false; field: 'startedAt' | 'endedAt'; message: string };

/**
 * Checks a correction of when a component's status interval really started and ended. The
 * intervals stay contiguous: the previous one now ends at the new start, the next one starts at
 * the new end, so neither may be squeezed to nothing, and nothing may move into the future.
 * An open interval (the current status) has no end to correct.
 */
export function correctInterval(
  target: IntervalSpan,
  previous: IntervalSpan | undefined,
  next: IntervalSpan | undefined,
  change: { startedAt?: string; endedAt?: string },
  now: Date,
): CorrectionVerdict {
  const nowIso = now.toISOString();
  const startedAt = change.startedAt ?? target.startedAt;
  const endedAt = change.endedAt ?? target.endedAt;
  if (change.endedAt !== undefined && target.endedAt === null) {
    return { ok: false, field: 'endedAt', message: 'is still the current status: post an update to end it' };
  }
  if (startedAt > nowIso) return { ok: false, field: 'startedAt', message: 'is in the future' };
  if (endedAt !== null && endedAt > nowIso) return { ok: false, field: 'endedAt', message: 'is in the future' };
  if (endedAt !== null && endedAt <= startedAt) return { ok: false, field: 'endedAt', message: 'must be after the start' };
  if (previous && startedAt <= previous.startedAt) {
    return { ok: false, field: 'startedAt', message: 'must be after the start of the status before it' };
  }
  if (next && endedAt !== null) {
    const nextEnd = next.endedAt ?? nowIso;
    if (endedAt >= nextEnd) return { ok: false, field: 'endedAt', message: 'must be before the end of the status after it' };
  }
  return { ok: true, spans: { startedAt, endedAt } };
}
