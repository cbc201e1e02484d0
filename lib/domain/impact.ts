import { IMPACTS, worstOf, type ComponentStatus, type Impact } from '@/lib/domain/status';

const IMPACT_OF_STATUS: Record<ComponentStatus, Impact> = {
  operational: 'none',
  under_maintenance: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};

/** The incident impact implied by the worst of the affected components' statuses; none when empty. */
export function impactFromStatuses(statuses: readonly ComponentStatus[]): Impact {
  return worstOf(IMPACTS, statuses.map((s) => IMPACT_OF_STATUS[s]), 'none');
}

/** The impact to show: the operator's override when one is set, otherwise the derived one. */
export function effectiveImpact(derived: Impact, override: Impact | null | undefined): Impact {
  return override ?? derived;
}
