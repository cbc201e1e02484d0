import { parseFeed } from '@rowanmanning/feed-parser';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { historyAtom, historyRss } from '@/lib/domain/feeds/history-feed';
import { maintenanceIcs } from '@/lib/domain/feeds/ics';
import type { SpIncident, SpPage, SpScheduledMaintenance } from '@/lib/domain/statuspage/types';

const BASE = 'https://status.example.com';
const NOW = new Date('2026-09-02T00:00:00.000Z');
const page: SpPage = { id: 'page00000001', name: 'Acme & "Co" <IoT>', url: BASE, time_zone: 'Europe/Berlin', updated_at: NOW.toISOString() };

function item(id: string, startedAt: string, body: string): SpIncident {
  return {
    id,
    name: `Outage <${id}> & more`,
    status: 'resolved',
    created_at: startedAt,
    updated_at: startedAt,
    monitoring_at: null,
    resolved_at: startedAt,
    impact: 'major',
    shortlink: `${BASE}/incidents/${id}`,
    started_at: startedAt,
    page_id: page.id,
    incident_updates: [
      { id: `${id}u`, status: 'resolved', body, incident_id: id, created_at: startedAt, updated_at: startedAt, display_at: startedAt,
        affected_components: null, deliver_notifications: true, custom_tweet: null, tweet_id: null },
    ],
    components: [],
  };
}
const maint = (id: string, start: string, updates: number): SpScheduledMaintenance => {
  const base = item(id, start, 'Window; with, commas\nand a newline — and a long line '.repeat(4));
  return {
    ...base,
    impact: 'maintenance',
    status: 'scheduled',
    incident_updates: Array.from({ length: updates }, (_, n) => ({ ...base.incident_updates[0]!, id: `${id}u${n}` })),
    scheduled_for: start,
    scheduled_until: new Date(Date.parse(start) + 2 * 3600_000).toISOString(),
  };
};

const incidents = [item('inc000000001', '2026-09-01T10:00:00.000Z', 'Fixed <b>it</b> & done'), item('inc000000002', '2026-08-01T10:00:00.000Z', 'Old')];
const maintenance = [maint('mnt000000001', '2026-09-06T01:00:00.000Z', 3), maint('mnt000000002', '2026-08-15T01:00:00.000Z', 1)];

describe('history feeds', () => {
  it('RSS 2.0 parses, newest first, with absolute links and escaped text', () => {
    const xml = historyRss({ page, baseUrl: BASE, incidents, maintenance, now: NOW });
    // The body is HTML the page's sanitizer made: no raw tag of the operator's survives.
    expect(xml).not.toContain('<b>');
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('rss');
    expect(feed.title).toBe('Acme & "Co" <IoT> status - incident history');
    expect(feed.url).toBe(`${BASE}/history`);
    expect(feed.items.map((i) => i.id)).toEqual([
      `${BASE}/incidents/mnt000000001`,
      `${BASE}/incidents/inc000000001`,
      `${BASE}/incidents/mnt000000002`,
      `${BASE}/incidents/inc000000002`,
    ]);
    const first = feed.items[1]!;
    expect(first.title).toBe('Outage <inc000000001> & more');
    expect(first.url).toBe(`${BASE}/incidents/inc000000001`);
    expect(first.published?.toISOString()).toBe('2026-09-01T10:00:00.000Z');
    expect(first.description).toContain('<p>Fixed it & done</p>');
    expect(first.description).toContain('<strong>Resolved</strong>');
  });

  it('Atom 1.0 parses with ids, updated times and html content', () => {
    const xml = historyAtom({ page, baseUrl: BASE, incidents, maintenance, now: NOW });
    expect(xml).not.toContain('<b>');
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('atom');
    expect(feed.url).toBe(`${BASE}/history`);
    expect(feed.items).toHaveLength(4);
    const entry = feed.items.find((i) => i.id === `${BASE}/incidents/inc000000001`)!;
    expect(entry.url).toBe(`${BASE}/incidents/inc000000001`);
    expect(entry.updated?.toISOString()).toBe('2026-09-01T10:00:00.000Z');
    expect(entry.content).toContain('<strong>Resolved</strong>');
  });
});

describe('maintenance calendar', () => {
  const parse = (text: string) =>
    new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent').map((v) => ({
      event: new ICAL.Event(v),
      status: v.getFirstPropertyValue('status'),
    }));

  it('parses as iCalendar with stable UIDs, the windows, and text intact', () => {
    const text = maintenanceIcs({ page, baseUrl: BASE, maintenance: maintenance.map((m) => ({ ...m, cancelled: false })) });
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const events = parse(text);
    expect(events.map((e) => e.event.uid)).toEqual(['mnt000000001@status.example.com', 'mnt000000002@status.example.com']);
    const first = events[0]!.event;
    expect(first.startDate.toJSDate().toISOString()).toBe('2026-09-06T01:00:00.000Z');
    expect(first.endDate.toJSDate().toISOString()).toBe('2026-09-06T03:00:00.000Z');
    expect(first.description).toBe(maintenance[0]!.incident_updates[0]!.body);
    expect(first.summary).toBe('Outage <mnt000000001> & more');
    expect(events[0]!.status).toBe('CONFIRMED');
  });

  it('raises SEQUENCE with each update and marks cancelled windows', () => {
    const once = parse(maintenanceIcs({ page, baseUrl: BASE, maintenance: [{ ...maintenance[1]!, cancelled: false }] }))[0]!;
    const rescheduled = { ...maint('mnt000000002', '2026-08-16T01:00:00.000Z', 2), cancelled: true };
    const again = parse(maintenanceIcs({ page, baseUrl: BASE, maintenance: [rescheduled] }))[0]!;
    expect(again.event.uid).toBe(once.event.uid);
    expect(again.event.sequence).toBeGreaterThan(once.event.sequence);
    expect(again.status).toBe('CANCELLED');
  });

  it('turns every line break in text, a bare CR too, into an escaped \\n so no property can be injected', () => {
    const hostile = { ...maintenance[0]!, name: 'Upgrade\rX-INJECTED:1\r\nX-INJECTED:2\nX-INJECTED:3', cancelled: false };
    const text = maintenanceIcs({ page, baseUrl: BASE, maintenance: [hostile] });
    expect(text).not.toMatch(/\r(?!\n)/);
    expect(text.replace(/\r\n /g, '').split('\r\n').filter((l) => l.startsWith('X-INJECTED'))).toEqual([]);
    expect(parse(text)[0]!.event.summary).toBe('Upgrade\nX-INJECTED:1\nX-INJECTED:2\nX-INJECTED:3');
  });

  it('escapes the page name in the calendar name and PRODID too, and ends every line with CRLF', () => {
    const hostilePage = { ...page, name: 'Acme\rX-INJECTED:1\r\nX-INJECTED:2\nBEGIN:VEVENT' };
    const text = maintenanceIcs({ page: hostilePage, baseUrl: BASE, maintenance: [{ ...maintenance[0]!, cancelled: false }] });
    expect(text).not.toMatch(/\r(?!\n)/);
    const lines = text.replace(/\r\n /g, '').split('\r\n');
    expect(lines.filter((l) => l.startsWith('X-INJECTED'))).toEqual([]);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    // An X- property is not unescaped by readers: the name reads with its escapes, on one line.
    expect(new ICAL.Component(ICAL.parse(text) as unknown[]).getFirstPropertyValue('x-wr-calname')).toBe(
      'Acme\\nX-INJECTED:1\\nX-INJECTED:2\\nBEGIN:VEVENT maintenance',
    );
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});

describe('feed dates and content', () => {
  const upcoming = { ...maint('mnt000000009', '2026-09-20T01:00:00.000Z', 1), created_at: '2026-08-30T09:00:00.000Z' };
  upcoming.incident_updates = upcoming.incident_updates.map((u) => ({ ...u, created_at: '2026-08-30T09:00:00.000Z', display_at: '2026-08-30T09:00:00.000Z' }));
  const edited = { ...item('inc000000009', '2026-08-20T10:00:00.000Z', 'x'), created_at: '2026-08-20T10:05:00.000Z', updated_at: '2026-08-20T10:05:00.000Z' };
  edited.incident_updates = [{ ...edited.incident_updates[0]!, created_at: '2026-08-20T10:01:00.000Z' }];
  const md = item('inc000000010', '2026-08-25T10:00:00.000Z', '**Bold** and [a link](https://example.com) <img src=x onerror=alert(1)> ]]> ]]><script>x</script>');
  const input = { page, baseUrl: BASE, incidents: [edited, md], maintenance: [upcoming], now: NOW };

  it('dates an upcoming maintenance when it was announced, never in the future, in RSS and Atom', () => {
    for (const xml of [historyRss(input), historyAtom(input)]) {
      const feed = parseFeed(xml);
      const entry = feed.items.find((i) => i.id === `${BASE}/incidents/mnt000000009`)!;
      expect(entry.published?.toISOString()).toBe('2026-08-30T09:00:00.000Z');
      for (const i of feed.items) expect(i.published!.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(feed.items[0]!.id).toBe(`${BASE}/incidents/mnt000000009`);
    }
  });

  it('never publishes an Atom entry after it was updated', () => {
    const feed = parseFeed(historyAtom(input));
    for (const entry of feed.items) expect(entry.published!.getTime()).toBeLessThanOrEqual(entry.updated!.getTime());
    const e = feed.items.find((i) => i.id === `${BASE}/incidents/inc000000009`)!;
    expect(e.published?.toISOString()).toBe('2026-08-20T10:05:00.000Z');
  });

  it('carries markdown as sanitised HTML, and hostile text cannot leave its CDATA', () => {
    for (const xml of [historyRss(input), historyAtom(input)]) {
      const feed = parseFeed(xml);
      const html = feed.items.find((i) => i.id === `${BASE}/incidents/inc000000010`)!;
      const body = html.content ?? html.description ?? '';
      expect(body).toContain('<strong>Bold</strong>');
      expect(body).toContain('<a href="https://example.com" rel="nofollow noopener noreferrer">a link</a>');
      expect(body).not.toContain('**');
      expect(body).not.toMatch(/<(img|script)\b/);
      expect(xml).not.toMatch(/<script/);
    }
  });

  it('says "Scheduled for" the window of maintenance that has not begun', () => {
    const feed = parseFeed(historyRss(input));
    expect(feed.items[0]!.description).toContain('Scheduled for 20 Sept 2026, 03:00 CEST – 20 Sept 2026, 05:00 CEST');
  });
});
