import { describe, expect, it } from 'vitest';
import { deletionVerdict, RETENTION_DAYS } from '@/lib/domain/retention';

const now = new Date('2026-06-01T12:00:00.000Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

describe('deletionVerdict', () => {
  it('allows deleting an unresolved incident, whatever its age', () => {
    for (const status of ['investigating', 'identified', 'monitoring']) {
      expect(deletionVerdict({ kind: 'incident', status, resolved_at: null, updated_at: daysAgo(0) }, now)).toEqual({
        allowed: true,
        reason: 'unresolved',
      });
    }
    expect(deletionVerdict({ kind: 'incident', status: 'investigating', resolved_at: null, updated_at: daysAgo(900) }, now).allowed).toBe(true);
  });

  it('keeps a resolved incident or a postmortem for 365 days after resolution', () => {
    const resolved = deletionVerdict({ kind: 'incident', status: 'resolved', resolved_at: daysAgo(364), updated_at: daysAgo(1) }, now);
    expect(resolved).toEqual({ allowed: false, reason: 'retained', deletableFrom: new Date(now.getTime() + 86_400_000).toISOString() });
    expect(deletionVerdict({ kind: 'incident', status: 'postmortem', resolved_at: daysAgo(10), updated_at: daysAgo(1) }, now).allowed).toBe(false);
  });

  it('allows deleting from exactly 365 days after the end', () => {
    expect(deletionVerdict({ kind: 'incident', status: 'resolved', resolved_at: daysAgo(RETENTION_DAYS), updated_at: daysAgo(RETENTION_DAYS) }, now)).toEqual({
      allowed: true,
      reason: 'past_retention',
    });
  });

  it('keeps completed maintenance, lets scheduled, cancelled and running ones go', () => {
    expect(deletionVerdict({ kind: 'maintenance', status: 'completed', resolved_at: daysAgo(30), updated_at: daysAgo(30) }, now).allowed).toBe(false);
    expect(deletionVerdict({ kind: 'maintenance', status: 'scheduled', resolved_at: null, updated_at: daysAgo(1) }, now)).toEqual({ allowed: true, reason: 'never_happened' });
    expect(deletionVerdict({ kind: 'maintenance', status: 'cancelled', resolved_at: daysAgo(1), updated_at: daysAgo(1) }, now)).toEqual({ allowed: true, reason: 'never_happened' });
    expect(deletionVerdict({ kind: 'maintenance', status: 'in_progress', resolved_at: null, updated_at: daysAgo(1) }, now)).toEqual({ allowed: true, reason: 'unresolved' });
  });

  it('falls back to the last change when a finished row has no resolution time', () => {
    expect(deletionVerdict({ kind: 'incident', status: 'resolved', resolved_at: null, updated_at: daysAgo(100) }, now).allowed).toBe(false);
  });
});
