import { describe, expect, it } from 'vitest';
import { isPostmortemDue } from '@/lib/domain/postmortem-due';

const base = { status: 'resolved', impact: 'critical' as const, incidentClass: null, postmortemPublishedAt: null };

describe('isPostmortemDue', () => {
  it('is due for a resolved critical incident without a postmortem', () => {
    expect(isPostmortemDue(base)).toBe(true);
    expect(isPostmortemDue({ ...base, impact: 'major', incidentClass: 'critical' })).toBe(true);
  });
  it('is not due once published, while still open, or for non-critical incidents', () => {
    expect(isPostmortemDue({ ...base, status: 'postmortem', postmortemPublishedAt: '2026-01-01T00:00:00.000Z' })).toBe(false);
    expect(isPostmortemDue({ ...base, status: 'monitoring' })).toBe(false);
    expect(isPostmortemDue({ ...base, impact: 'major', incidentClass: 'operational' })).toBe(false);
  });
});
