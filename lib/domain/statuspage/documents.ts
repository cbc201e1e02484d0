import { pageStatus } from '@/lib/domain/rollup';
import { affectableById, toSpComponents } from '@/lib/domain/statuspage/components';
import { toSpIncident, toSpMaintenance } from '@/lib/domain/statuspage/incidents';
import { toSpPage } from '@/lib/domain/statuspage/page';
import type { IncidentInput, StatuspageData } from '@/lib/domain/statuspage/types';

/** How many items the two full lists return, as Statuspage documents ("the 50 most recent"). */
export const RECENT_LIMIT = 50;

export const UNRESOLVED_INCIDENT = ['investigating', 'identified', 'monitoring'] as const;
export const UPCOMING_MAINTENANCE = ['scheduled'] as const;
export const ACTIVE_MAINTENANCE = ['in_progress', 'verifying'] as const;

/** The v2 endpoints, by their path under /api/v2/. */
export const V2_PATHS = [
  'summary.json',
  'status.json',
  'components.json',
  'incidents.json',
  'incidents/unresolved.json',
  'scheduled-maintenances.json',
  'scheduled-maintenances/upcoming.json',
  'scheduled-maintenances/active.json',
] as const;
export type V2Path = (typeof V2_PATHS)[number];

const has = (list: readonly string[], v: string) => list.includes(v);
const byStartDesc = (a: IncidentInput, b: IncidentInput) => Date.parse(b.started_at) - Date.parse(a.started_at);
const byWindowAsc = (a: IncidentInput, b: IncidentInput) =>
  Date.parse(a.scheduled_for ?? a.started_at) - Date.parse(b.scheduled_for ?? b.started_at);

/** Every v2 document from one read of the data (the data already reflects `now`). */
export function buildV2Documents(data: StatuspageData): Record<V2Path, object> {
  const page = toSpPage(data);
  const components = toSpComponents(data);
  const ctx = { pageId: page.id, baseUrl: data.baseUrl, components: affectableById(components) };

  const incidents = data.incidents.filter((i) => i.kind === 'incident').sort(byStartDesc);
  const maintenance = data.incidents.filter((i) => i.kind === 'maintenance').sort(byStartDesc);
  const unresolved = incidents.filter((i) => has(UNRESOLVED_INCIDENT, i.status));
  const upcoming = maintenance.filter((m) => has(UPCOMING_MAINTENANCE, m.status)).sort(byWindowAsc);
  const active = maintenance.filter((m) => has(ACTIVE_MAINTENANCE, m.status)).sort(byWindowAsc);

  const status = pageStatus({
    componentStatuses: data.components.map((c) => c.status),
    unresolvedIncidentImpacts: unresolved.map((i) => i.impact),
    maintenanceInProgress: active.length > 0,
  });
  const inc = (list: IncidentInput[]) => list.map((i) => toSpIncident(i, ctx));
  const mnt = (list: IncidentInput[]) => list.map((m) => toSpMaintenance(m, ctx));

  return {
    'summary.json': {
      page,
      components,
      incidents: inc(unresolved),
      scheduled_maintenances: mnt([...active, ...upcoming]),
      status,
    },
    'status.json': { page, status },
    'components.json': { page, components },
    'incidents.json': { page, incidents: inc(incidents.slice(0, RECENT_LIMIT)) },
    'incidents/unresolved.json': { page, incidents: inc(unresolved) },
    'scheduled-maintenances.json': { page, scheduled_maintenances: mnt(maintenance.slice(0, RECENT_LIMIT)) },
    'scheduled-maintenances/upcoming.json': { page, scheduled_maintenances: mnt(upcoming) },
    'scheduled-maintenances/active.json': { page, scheduled_maintenances: mnt(active) },
  };
}
