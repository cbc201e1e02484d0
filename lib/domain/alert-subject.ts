import { COMPONENT_STATUS_LABEL, UPDATE_STATUS_LABEL, type ComponentStatus, type IncidentStatus, type MaintenanceStatus } from '@/lib/domain/status';
import type { AlertKind } from '@/lib/domain/alerts';

const MAINTENANCE_LABEL: Partial<Record<AlertKind, string>> = {
  'maintenance.scheduled': 'Scheduled maintenance',
  'maintenance.reminder': 'Maintenance reminder',
  'maintenance.started': 'Maintenance in progress',
  'maintenance.completed': 'Maintenance completed',
  'maintenance.cancelled': 'Maintenance cancelled',
  'maintenance.updated': 'Maintenance update',
};

/** The headline word of an alert: the update's status for incidents, a phrase for maintenance. */
export function alertLabel(kind: AlertKind, status: IncidentStatus | MaintenanceStatus | undefined): string {
  if (kind === 'incident.postmortem') return 'Postmortem';
  if (kind === 'component.updated') return 'Component update';
  const maintenance = MAINTENANCE_LABEL[kind];
  if (maintenance) return maintenance;
  return status ? UPDATE_STATUS_LABEL[status] : 'Update';
}

/** `[Acme IoT status] Identified: Elevated data session failures (Data service, SMS)`. */
export function alertSubject(input: {
  pageName: string;
  kind: AlertKind;
  status?: IncidentStatus | MaintenanceStatus;
  name: string;
  componentNames: readonly string[];
}): string {
  const components = input.componentNames.length > 0 ? ` (${input.componentNames.join(', ')})` : '';
  return `[${input.pageName} status] ${alertLabel(input.kind, input.status)}: ${input.name}${components}`;
}

/** "Data service: Operational → Major Outage". */
export function componentChangeLine(name: string, oldStatus: ComponentStatus, newStatus: ComponentStatus): string {
  return `${name}: ${COMPONENT_STATUS_LABEL[oldStatus]} → ${COMPONENT_STATUS_LABEL[newStatus]}`;
}
