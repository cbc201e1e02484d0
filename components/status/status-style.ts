import type { ComponentStatus, Impact, Indicator } from '@/lib/domain/status';

/** Text and bar colours per component status (contrast-checked in light and dark). */
export const STATUS_TEXT: Record<ComponentStatus, string> = {
  operational: 'text-status-operational',
  under_maintenance: 'text-status-maintenance',
  degraded_performance: 'text-status-degraded',
  partial_outage: 'text-status-partial',
  major_outage: 'text-status-major',
};

export const IMPACT_TEXT: Record<Impact, string> = {
  none: 'text-neutral-600 dark:text-neutral-400',
  minor: 'text-status-degraded',
  major: 'text-status-partial',
  critical: 'text-status-major',
};

export const IMPACT_BORDER: Record<Impact, string> = {
  none: 'border-l-neutral-400',
  minor: 'border-l-bar-degraded',
  major: 'border-l-bar-partial',
  critical: 'border-l-bar-major',
};

/** Banner backgrounds: dark enough for white text (≥ 4.5:1). */
export const INDICATOR_BANNER: Record<Indicator, string> = {
  none: 'bg-green-700',
  maintenance: 'bg-blue-700',
  minor: 'bg-yellow-700',
  major: 'bg-orange-700',
  critical: 'bg-red-700',
};
