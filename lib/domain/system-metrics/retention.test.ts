import { describe, expect, it } from 'vitest';
import { POINTS_KEPT_SECONDS, rollupHourOf, rollupPlan, ROLLUPS_KEPT_SECONDS } from '@/lib/domain/system-metrics/retention';
import { LONGEST_VIEW_SECONDS, viewWindow } from '@/lib/domain/system-metrics/views';

describe('system metric rollup and pruning', () => {
  const now = new Date('2026-12-02T10:42:17Z');
  const plan = rollupPlan(now);

  it('folds only whole hours, older than two days', () => {
    expect(new Date(plan.rollUpBefore * 1000).toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(plan.rollUpBefore % 3600).toBe(0);
    expect(now.getTime() / 1000 - plan.rollUpBefore).toBeGreaterThanOrEqual(POINTS_KEPT_SECONDS);
    expect(rollupHourOf(plan.rollUpBefore + 3599)).toBe(plan.rollUpBefore);
  });

  it('keeps raw points for the whole day view, so 5-minute intervals are never drawn from hours', () => {
    expect(plan.rollUpBefore).toBeLessThan(viewWindow('day', now).start);
  });

  it('keeps rollups for the whole month view and deletes what is older than it', () => {
    expect(plan.pruneBefore).toBeLessThan(viewWindow('month', now).start);
    expect(ROLLUPS_KEPT_SECONDS).toBeGreaterThan(LONGEST_VIEW_SECONDS);
    expect(new Date(plan.pruneBefore * 1000).toISOString()).toBe('2026-11-01T10:00:00.000Z');
  });

  it('moves forward by the hour: the same plan all hour long, the next one after it', () => {
    expect(rollupPlan(new Date('2026-12-02T10:00:00Z'))).toEqual(plan);
    expect(rollupPlan(new Date('2026-12-02T10:59:59Z'))).toEqual(plan);
    expect(rollupPlan(new Date('2026-12-02T11:00:00Z')).rollUpBefore).toBe(plan.rollUpBefore + 3600);
  });
});
