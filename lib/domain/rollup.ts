import type { ComponentStatus, Impact, Indicator } from '@/lib/domain/status';

export interface PageStatus {
  indicator: Indicator;
  description: string;
}

/**
 * Every page status Statuspage shows, calmest first. The order follows INDICATORS, and within
 * `minor` an outage outranks degradation, so the worst candidate is simply the highest position.
 */
export const PAGE_STATUSES = [
  { indicator: 'none', description: 'All Systems Operational' },
  { indicator: 'maintenance', description: 'Service Under Maintenance' },
  { indicator: 'minor', description: 'Partially Degraded Service' },
  { indicator: 'minor', description: 'Minor Service Outage' },
  { indicator: 'major', description: 'Partial System Outage' },
  { indicator: 'critical', description: 'Major System Outage' },
] as const satisfies readonly PageStatus[];

/** The catalogs' key for each description above (`status.indicator.*`, `email.chat.overall.*`). */
export const DESCRIPTION_KEY = {
  'All Systems Operational': 'allOperational',
  'Service Under Maintenance': 'maintenance',
  'Partially Degraded Service': 'degraded',
  'Minor Service Outage': 'minorOutage',
  'Partial System Outage': 'partialOutage',
  'Major System Outage': 'majorOutage',
} as const satisfies Record<(typeof PAGE_STATUSES)[number]['description'], string>;

/** The catalog key of a page status description; undefined for one not of Beacon's rollup. */
export function descriptionKey(description: string): (typeof DESCRIPTION_KEY)[keyof typeof DESCRIPTION_KEY] | undefined {
  return (DESCRIPTION_KEY as Record<string, (typeof DESCRIPTION_KEY)[keyof typeof DESCRIPTION_KEY]>)[description];
}

type Position = 0 | 1 | 2 | 3 | 4 | 5;
const OPERATIONAL: Position = 0;
const MAINTENANCE: Position = 1;
const PARTIAL_SYSTEM: Position = 4;
const MAJOR_SYSTEM: Position = 5;

// major_outage is missing on purpose: it depends on whether every component is down.
const COMPONENT_POSITION: Record<Exclude<ComponentStatus, 'major_outage'>, Position> = {
  operational: OPERATIONAL,
  under_maintenance: MAINTENANCE,
  degraded_performance: 2,
  partial_outage: 3,
};

const IMPACT_POSITION: Record<Impact, Position> = {
  none: OPERATIONAL,
  minor: 3,
  major: PARTIAL_SYSTEM,
  critical: MAJOR_SYSTEM,
};

/** The page rollup: the loudest of component statuses, unresolved incident impacts and maintenance. */
export function pageStatus(input: {
  componentStatuses: readonly ComponentStatus[];
  unresolvedIncidentImpacts: readonly Impact[];
  maintenanceInProgress: boolean;
}): PageStatus {
  const { componentStatuses, unresolvedIncidentImpacts, maintenanceInProgress } = input;
  const everyComponentDown = componentStatuses.every((s) => s === 'major_outage');
  const positions: Position[] = [
    OPERATIONAL,
    ...componentStatuses.map((s) =>
      s === 'major_outage' ? (everyComponentDown ? MAJOR_SYSTEM : PARTIAL_SYSTEM) : COMPONENT_POSITION[s],
    ),
    ...unresolvedIncidentImpacts.map((impact) => IMPACT_POSITION[impact]),
    maintenanceInProgress ? MAINTENANCE : OPERATIONAL,
  ];
  const worst = PAGE_STATUSES[Math.max(...positions) as Position];
  return { indicator: worst.indicator, description: worst.description };
}
