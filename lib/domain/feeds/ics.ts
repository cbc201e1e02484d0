import ical, { escape, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { SpPage, SpScheduledMaintenance } from '@/lib/domain/statuspage/types';

// ical-generator escapes an event's TEXT values (every CRLF, LF and bare CR becomes `\n`, so no
// text can start a property of its own) and folds lines at 75 octets without splitting a character
// (RFC 5545). It writes the calendar's name and PRODID as given (10.2), so those are escaped here.

/**
 * An iCalendar feed of maintenance windows. UIDs are stable (the maintenance id), SEQUENCE rises
 * with every update (so a reschedule always raises it), and cancelled windows say STATUS:CANCELLED.
 */
export function maintenanceIcs(input: {
  page: SpPage;
  baseUrl: string;
  maintenance: readonly (SpScheduledMaintenance & { cancelled: boolean })[];
}): string {
  const host = new URL(input.baseUrl).hostname;
  const name = escape(`${input.page.name} maintenance`, false);
  const calendar = ical({
    name,
    prodId: { company: 'Beacon', product: name, language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 15 * 60,
  });
  for (const m of input.maintenance) {
    const latest = m.incident_updates[0];
    calendar.createEvent({
      id: `${m.id}@${host}`,
      sequence: Math.max(0, m.incident_updates.length - 1),
      stamp: new Date(m.updated_at),
      created: new Date(m.created_at),
      lastModified: new Date(latest?.created_at ?? m.updated_at),
      start: new Date(m.scheduled_for),
      end: new Date(m.scheduled_until),
      summary: m.cancelled ? `Cancelled: ${m.name}` : m.name,
      description: latest?.body ?? '',
      url: m.shortlink,
      status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // Every content line ends in CRLF, the last one too (RFC 5545 §3.1).
  return `${calendar.toString()}\r\n`;
}
