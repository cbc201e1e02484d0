import type { SpPage, SpScheduledMaintenance } from '@/lib/domain/statuspage/types';

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11). Every line break (CRLF, LF or a bare CR, which some
 * readers also end a line on) becomes `\n`, so no text can start a property of its own.
 */
function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets, never inside a UTF-8 sequence (RFC 5545 §3.1). */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** `20260906T010000Z`. */
function icsTime(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

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
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Beacon//${icsText(input.page.name)} maintenance//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(`${input.page.name} maintenance`)}`,
    'X-PUBLISHED-TTL:PT15M',
    'REFRESH-INTERVAL;VALUE=DURATION:PT15M',
  ];
  for (const m of input.maintenance) {
    const latest = m.incident_updates[0];
    lines.push(
      'BEGIN:VEVENT',
      `UID:${m.id}@${host}`,
      `SEQUENCE:${Math.max(0, m.incident_updates.length - 1)}`,
      `DTSTAMP:${icsTime(m.updated_at)}`,
      `CREATED:${icsTime(m.created_at)}`,
      `LAST-MODIFIED:${icsTime(latest?.created_at ?? m.updated_at)}`,
      `DTSTART:${icsTime(m.scheduled_for)}`,
      `DTEND:${icsTime(m.scheduled_until)}`,
      `SUMMARY:${icsText(m.cancelled ? `Cancelled: ${m.name}` : m.name)}`,
      `DESCRIPTION:${icsText(latest?.body ?? '')}`,
      `URL:${m.shortlink}`,
      `STATUS:${m.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
