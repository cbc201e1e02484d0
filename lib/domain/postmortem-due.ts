import type { Impact } from '@/lib/domain/status';

/** A resolved critical incident (by class or impact) owes a postmortem until one is published. */
export function isPostmortemDue(incident: {
  status: string;
  impact: Impact;
  incidentClass: string | null;
  postmortemPublishedAt: string | null;
}): boolean {
  const critical = incident.impact === 'critical' || incident.incidentClass === 'critical';
  return critical && incident.status === 'resolved' && !incident.postmortemPublishedAt;
}
