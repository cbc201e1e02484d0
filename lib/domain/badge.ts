import { makeBadge } from 'badge-maker';
import type { ComponentStatus, Indicator } from '@/lib/domain/status';

/** Badge colours by page indicator and by component status. */
const INDICATOR_COLOR: Record<Indicator, string> = {
  none: '#2e7d32',
  maintenance: '#1565c0',
  minor: '#b26a00',
  major: '#d84315',
  critical: '#c62828',
};
const COMPONENT_COLOR: Record<ComponentStatus, string> = {
  operational: INDICATOR_COLOR.none,
  under_maintenance: INDICATOR_COLOR.maintenance,
  degraded_performance: INDICATOR_COLOR.minor,
  partial_outage: INDICATOR_COLOR.major,
  major_outage: INDICATOR_COLOR.critical,
};

/** The colour a badge takes for a page indicator or a component status. */
export function badgeColor(state: { indicator: Indicator } | { status: ComponentStatus }): string {
  return 'indicator' in state ? INDICATOR_COLOR[state.indicator] : COMPONENT_COLOR[state.status];
}

/**
 * A flat two-part badge ("label | message") drawn by badge-maker, the shields.io library: text
 * widths from its Verdana metrics, every text escaped.
 */
export function badgeSvg(input: { label: string; message: string; color: string }): string {
  return makeBadge({ label: input.label, message: input.message, color: input.color, style: 'flat' });
}
