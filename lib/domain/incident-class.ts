import type { Impact } from '@/lib/domain/status';

/** The NOC's own incident classes (DESIGN.md): what makes an issue public, and how bad. */
export const INCIDENT_CLASSES = ['critical', 'operational', 'none'] as const;
export type IncidentClass = (typeof INCIDENT_CLASSES)[number];

export const INCIDENT_CLASS_HELP: Record<IncidentClass, string> = {
  critical:
    'Outage or critical degradation that makes a service unavailable: data service degraded for 1,000 or more devices, VPN down, portal or API unavailable.',
  operational:
    'Partial functionality: 25 or more devices affected, SMS outage, a regional breakout down, the data streamer delayed by 5 minutes or more.',
  none: 'Smaller issues are normally not public incidents; post one only to inform.',
};

export interface IncidentScope {
  regions: string[];
  deviceTypes: string[];
  devices: number | null;
  notes: string;
}

/**
 * The impact the composer suggests from class and scope: critical incidents are critical when
 * they reach 1,000 devices or more (or an unknown number), major otherwise; operational ones are
 * major from 1,000 devices or several regions, minor below; 'none' stays none.
 */
export function suggestImpact(incidentClass: IncidentClass, scope: Pick<IncidentScope, 'regions' | 'devices'>): Impact {
  if (incidentClass === 'none') return 'none';
  const devices = scope.devices;
  if (incidentClass === 'critical') return devices === null || devices >= 1_000 ? 'critical' : 'major';
  if ((devices !== null && devices >= 1_000) || scope.regions.length >= 2) return 'major';
  return 'minor';
}
