import { describe, expect, it } from 'vitest';
import { rebuildIntervals } from '@/lib/domain/statuspage-import/intervals';

describe('rebuilding a component history from incident updates', () => {
  it('runs operational from the start, through each change, to the status now', () => {
    expect(
      rebuildIntervals({
        start: '2026-01-01T00:00:00.000Z',
        current: 'operational',
        currentSince: '2026-03-01T00:00:00.000Z',
        changes: [
          { at: '2026-02-01T12:00:00.000Z', status: 'operational' },
          { at: '2026-02-01T10:00:00.000Z', status: 'major_outage' },
        ],
      }),
    ).toEqual([
      { status: 'operational', started_at: '2026-01-01T00:00:00.000Z', ended_at: '2026-02-01T10:00:00.000Z' },
      { status: 'major_outage', started_at: '2026-02-01T10:00:00.000Z', ended_at: '2026-02-01T12:00:00.000Z' },
      { status: 'operational', started_at: '2026-02-01T12:00:00.000Z', ended_at: null },
    ]);
  });

  it('ends in the current status at updated_at when the updates do not say so, and ignores changes before the start', () => {
    expect(
      rebuildIntervals({
        start: '2026-01-01T00:00:00.000Z',
        current: 'partial_outage',
        currentSince: '2026-01-05T00:00:00.000Z',
        changes: [{ at: '2025-12-01T00:00:00.000Z', status: 'major_outage' }],
      }),
    ).toEqual([
      { status: 'operational', started_at: '2026-01-01T00:00:00.000Z', ended_at: '2026-01-05T00:00:00.000Z' },
      { status: 'partial_outage', started_at: '2026-01-05T00:00:00.000Z', ended_at: null },
    ]);
  });
});
