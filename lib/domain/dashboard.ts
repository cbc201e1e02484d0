/** What the console's dashboard decides from plain data, `now` passed in. */

/** Maintenance shows on the dashboard when it is under way or starts within this many days. */
export const MAINTENANCE_HORIZON_DAYS = 7;

/** An alert waiting longer than this means deliveries are stuck (the worker retries within minutes). */
export const STUCK_ALERT_SECONDS = 10 * 60;

/** True when a maintenance is in progress, or scheduled to start between now and the horizon. */
export function isMaintenanceSoon(m: { status: string; scheduledFor: string | null }, now: Date, days = MAINTENANCE_HORIZON_DAYS): boolean {
  if (m.status === 'in_progress' || m.status === 'verifying') return true;
  if (m.status !== 'scheduled' || !m.scheduledFor) return false;
  return Date.parse(m.scheduledFor) <= now.getTime() + days * 86_400_000;
}

export type Health = 'ok' | 'warning' | 'problem';

/**
 * How deliveries are doing: a problem when an alert has waited past STUCK_ALERT_SECONDS or
 * some gave up (dead); a warning when mail is not really sent, or a webhook fails or was disabled.
 */
export function deliveryHealth(d: {
  oldestPendingSeconds: number | null;
  dead: number;
  failingWebhooks: number;
  disabledWebhooks: number;
  smtpConfigured: boolean;
}): Health {
  if ((d.oldestPendingSeconds ?? 0) > STUCK_ALERT_SECONDS || d.dead > 0) return 'problem';
  if (!d.smtpConfigured || d.failingWebhooks > 0 || d.disabledWebhooks > 0) return 'warning';
  return 'ok';
}
