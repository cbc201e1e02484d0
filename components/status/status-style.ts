import { IMPACT_LABEL, type ComponentStatus, type Impact, type Indicator } from '@/lib/domain/status';

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

/** Left accents; repeated under dark: so a card's dark border colour does not paint over them. */
export const IMPACT_BORDER: Record<Impact, string> = {
  none: 'border-s-neutral-400 dark:border-s-neutral-500',
  minor: 'border-s-bar-degraded dark:border-s-bar-degraded',
  major: 'border-s-bar-partial dark:border-s-bar-partial',
  critical: 'border-s-bar-major dark:border-s-bar-major',
};

export const MAINTENANCE_BORDER = 'border-s-bar-maintenance dark:border-s-bar-maintenance';

/** "Major impact", but "No impact" rather than "No impact impact". */
export function impactText(impact: Impact): string {
  return impact === 'none' ? 'No impact' : `${IMPACT_LABEL[impact]} impact`;
}

/** Banner backgrounds: dark enough for white text (≥ 4.5:1). */
export const INDICATOR_BANNER: Record<Indicator, string> = {
  none: 'bg-green-700',
  maintenance: 'bg-blue-700',
  minor: 'bg-yellow-700',
  major: 'bg-orange-700',
  critical: 'bg-red-700',
};
