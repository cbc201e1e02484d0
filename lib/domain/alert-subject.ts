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
  const names = input.componentNames;
  // Long lists are cut so the incident name stays visible in an inbox.
  const shown = names.length > 3 ? [...names.slice(0, 2), `${names.length - 2} more`] : names;
  const components = shown.length > 0 ? ` (${shown.join(', ')})` : '';
  return `[${input.pageName} status] ${alertLabel(input.kind, input.status)}: ${input.name}${components}`;
}

/** "Data service: Operational → Major Outage". */
export function componentChangeLine(name: string, oldStatus: ComponentStatus, newStatus: ComponentStatus): string {
  return `${name}: ${COMPONENT_STATUS_LABEL[oldStatus]} → ${COMPONENT_STATUS_LABEL[newStatus]}`;
}

/** Formatters by language and zone: building one costs about 0.2 ms, and a fan-out formats the same times 100,000 times. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

/** The date conventions each language's readers expect (English: day before month, 24-hour clock, as before). */
const DATE_LOCALE: Record<string, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', it: 'it-IT', es: 'es-ES' };

function formatterFor(zone: string, locale: string): Intl.DateTimeFormat {
  const key = `${locale}|${zone}`;
  let format = FORMATTERS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALE[locale] ?? 'en-GB', {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    FORMATTERS.set(key, format);
  }
  return format;
}

/** A time as subscribers read it: "Tue 1 Dec 2026, 02:00 CET" in their zone (the page's by default) and language. */
export function alertTime(iso: string, timeZone: string, locale = 'en'): string {
  const zone = timeZone === 'Etc/UTC' ? 'UTC' : timeZone;
  try {
    return formatterFor(zone, locale).format(new Date(iso));
  } catch {
    return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  }
}
