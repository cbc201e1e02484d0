import { describe, it, expect } from 'vitest';
import {
  COMPONENT_STATUSES,
  INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
  type ComponentStatus,
  type Impact,
  type IncidentStatus,
  type MaintenanceStatus,
} from '@/lib/domain/status';
import { DEMO_GROUPS, DEMO_PAGE } from './catalog';
import {
  DEMO_ACTIVE_INCIDENT,
  DEMO_HISTORY,
  DEMO_UPCOMING_MAINTENANCE,
  type DemoEvent,
  type DemoIncident,
  type DemoMaintenance,
} from './scenario';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A fixed "now" so the calendar checks are reproducible. */
const NOW = Date.parse('2026-11-26T12:00:00Z');

const components = DEMO_GROUPS.flatMap((g) => g.components);
const byKey = new Map(components.map((c) => [c.key, c]));

const incidents = DEMO_HISTORY.filter((e): e is DemoIncident => e.kind === 'incident');
const maintenances = DEMO_HISTORY.filter((e): e is DemoMaintenance => e.kind === 'maintenance');
const everyEvent: DemoEvent[] = [...DEMO_HISTORY, DEMO_ACTIVE_INCIDENT, DEMO_UPCOMING_MAINTENANCE];

const IMPACT_OF: Record<ComponentStatus, Impact> = {
  operational: 'none',
  under_maintenance: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};

function impactOf(incident: DemoIncident): Impact {
  if (incident.impactOverride) return incident.impactOverride;
  const statuses = incident.updates.flatMap((u) => Object.values(u.components ?? {}));
  return statuses.map((s) => IMPACT_OF[s]).reduce<Impact>((worst, i) => (rank(i) > rank(worst) ? i : worst), 'none');
}
function rank(impact: Impact): number {
  return ['none', 'minor', 'major', 'critical'].indexOf(impact);
}

function startMs(event: DemoEvent, now = NOW): number {
  return now - event.startDaysAgo * DAY;
}
function lastUpdate(event: DemoEvent) {
  const last = event.updates.at(-1);
  if (!last) throw new Error(`${event.name} has no updates`);
  return last;
}
/** [start, end] of the time the event can change component statuses. */
function windowOf(event: DemoEvent, now = NOW): [number, number] {
  const start = startMs(event, now);
  if (event.kind === 'maintenance') {
    return [start, start + Math.max(event.durationMinutes, lastUpdate(event).atMinutes) * MINUTE];
  }
  return [start, start + lastUpdate(event).atMinutes * MINUTE];
}
function touched(event: DemoEvent): Set<string> {
  return new Set(event.updates.flatMap((u) => Object.keys(u.components ?? {})));
}

const monthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: DEMO_PAGE.timeZone, year: 'numeric', month: '2-digit' });
function monthOf(ms: number): string {
  return monthFormat.format(new Date(ms)).slice(0, 7);
}
/** The current month and the 13 before it, in the page's time zone, newest first. */
function last14Months(now: number): string[] {
  const [y, m] = monthOf(now).split('-').map(Number) as [number, number];
  return Array.from({ length: 14 }, (_, k) => {
    const index = y * 12 + (m - 1) - k;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}
function emptyMonths(now: number, events: DemoEvent[] = [...DEMO_HISTORY, DEMO_ACTIVE_INCIDENT]): string[] {
  const withEvents = new Set(events.map((e) => monthOf(startMs(e, now))));
  return last14Months(now).filter((month) => !withEvents.has(month));
}

describe('demo catalog', () => {
  it('has the expected groups and component keys', () => {
    expect(DEMO_GROUPS.map((g) => [g.name, g.components.map((c) => c.key)])).toEqual([
      ['Core connectivity', ['data', 'sms', 'vpn']],
      ['Platform', ['portal', 'api', 'streamer']],
      ['Regional internet breakouts', ['breakout-eu', 'breakout-americas', 'breakout-apac']],
      ['Roaming networks', ['roaming-de', 'roaming-us', 'roaming-br', 'roaming-in', 'roaming-jp']],
    ]);
    expect(byKey.size).toBe(components.length);
  });

  it('shows uptime for all but the roaming networks, which only appear when degraded', () => {
    for (const c of components) {
      const roaming = c.key.startsWith('roaming-');
      expect(c.showcase, c.key).toBe(!roaming);
      expect(c.onlyShowIfDegraded, c.key).toBe(roaming);
      expect(c.description.length, c.key).toBeGreaterThan(20);
    }
  });

  it('starts one component mid-window', () => {
    const starts = components.map((c) => c.startDaysAgo);
    expect(starts.filter((d) => d >= 425)).toHaveLength(components.length - 1);
    expect(starts.filter((d) => d > 30 && d < 90)).toHaveLength(1);
  });
});

describe('demo scenario: every event', () => {
  it.each(everyEvent.map((e) => [e.name, e] as const))('%s refers to existing components that exist by then', (_, event) => {
    const keys = [...touched(event), ...(event.kind === 'maintenance' ? event.components : [])];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const component = byKey.get(key);
      expect(component, key).toBeDefined();
      expect(event.startDaysAgo, `${event.name}: ${key} starts later`).toBeLessThan(component!.startDaysAgo - 1);
      if (event.kind === 'maintenance') {
        const announced = event.startDaysAgo - (event.updates[0]?.atMinutes ?? 0) / (24 * 60);
        expect(announced).toBeLessThan(component!.startDaysAgo);
      }
    }
  });

  it.each(everyEvent.map((e) => [e.name, e] as const))('%s has chronological updates with valid statuses', (_, event) => {
    const allowed: readonly string[] = event.kind === 'incident' ? INCIDENT_STATUSES : MAINTENANCE_STATUSES;
    const times = event.updates.map((u) => u.atMinutes);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
    let previous = -1;
    for (const u of event.updates) {
      expect(allowed, u.status).toContain(u.status);
      const position = allowed.indexOf(u.status);
      expect(position, `${event.name}: ${u.status} goes backwards`).toBeGreaterThanOrEqual(previous);
      previous = position;
      expect(u.body.trim().length).toBeGreaterThan(20);
      for (const status of Object.values(u.components ?? {})) expect(COMPONENT_STATUSES).toContain(status);
    }
  });

  it('keeps events at least a day apart', () => {
    const windows = everyEvent
      .filter((e) => !(e.kind === 'maintenance' && e.cancelled))
      .map((e) => ({ name: e.name, w: windowOf(e) }))
      .sort((a, b) => a.w[0] - b.w[0]);
    for (let i = 1; i < windows.length; i++) {
      const [prev, next] = [windows[i - 1]!, windows[i]!];
      expect(next.w[0] - prev.w[1], `${prev.name} → ${next.name}`).toBeGreaterThanOrEqual(DAY);
    }
  });

  it('places the history in the past, within about 14 months', () => {
    for (const e of DEMO_HISTORY) {
      expect(windowOf(e)[1], e.name).toBeLessThan(NOW);
      expect(e.startDaysAgo).toBeLessThanOrEqual(426);
    }
  });
});

describe('demo scenario: incidents', () => {
  it.each(incidents.map((e) => [e.name, e] as const))('%s starts open and ends resolved with everything operational', (_, incident) => {
    const first = incident.updates[0]!;
    expect(first.atMinutes).toBe(0);
    expect(['investigating', 'identified']).toContain(first.status);
    expect(first.components && Object.keys(first.components).length).toBeGreaterThan(0);
    const last = lastUpdate(incident);
    expect(last.status).toBe('resolved');
    expect(incident.updates.filter((u) => u.status === 'resolved')).toHaveLength(1);
    for (const key of touched(incident)) expect(last.components?.[key], key).toBe('operational');
    expect(incident.updates.length).toBeGreaterThanOrEqual(2);
    const minutes = last.atMinutes;
    expect(minutes).toBeGreaterThanOrEqual(20);
    expect(minutes).toBeLessThanOrEqual(8 * 60);
  });

  const critical = incidents.filter((i) => impactOf(i) === 'critical');
  const operational = incidents.filter((i) => impactOf(i) !== 'critical');

  it('has 5–6 critical and 10–14 operational incidents', () => {
    expect(critical.length).toBeGreaterThanOrEqual(5);
    expect(critical.length).toBeLessThanOrEqual(6);
    expect(operational.length).toBeGreaterThanOrEqual(10);
    expect(operational.length).toBeLessThanOrEqual(14);
    expect(incidents.filter((i) => i.impactOverride).length).toBeGreaterThanOrEqual(3);
  });

  it.each(critical.map((e) => [e.name, e] as const))('critical %s has a full chain and a published postmortem', (_, incident) => {
    const statuses = new Set<IncidentStatus | MaintenanceStatus>(incident.updates.map((u) => u.status));
    for (const s of ['investigating', 'identified', 'monitoring', 'resolved'] as const) expect(statuses).toContain(s);
    for (const u of incident.updates) expect(u.components, u.status).toBeDefined();
    const outages = incident.updates.flatMap((u) => Object.values(u.components ?? {}));
    expect(outages.some((s) => s === 'major_outage' || s === 'partial_outage')).toBe(true);
    const postmortem = incident.postmortem;
    expect(postmortem).toBeDefined();
    for (const heading of ['## Summary', '## Timeline', '## Root cause', '## Impact', "## What we are changing"]) {
      expect(postmortem!.body).toContain(heading);
    }
    expect(postmortem!.body).toMatch(/\*\*[\d,]+ (devices|customer tunnels)\*\*/);
    const published = windowOf(incident)[1] + postmortem!.afterHours * 60 * MINUTE;
    expect(published).toBeLessThan(NOW);
  });

  it('gives public postmortems only to critical incidents; an operational one is classed so that it defaults to Enterprise only', () => {
    for (const i of operational) if (i.postmortem) expect(i.incidentClass, i.name).toBe('operational');
    expect(operational.filter((i) => i.postmortem).length).toBe(1);
  });

  it('shows recent incidents and visible outages in the 90-day bars', () => {
    expect(incidents.filter((i) => i.startDaysAgo <= 7).length).toBeGreaterThanOrEqual(3);
    const visible = incidents.filter(
      (i) =>
        i.startDaysAgo <= 90 &&
        i.updates.some((u) =>
          Object.entries(u.components ?? {}).some(
            ([key, s]) => byKey.get(key)?.showcase && (s === 'partial_outage' || s === 'major_outage'),
          ),
        ),
    );
    expect(visible.length).toBeGreaterThanOrEqual(2);
  });
});

describe('demo scenario: maintenance', () => {
  it('has 4–5 windows, one of them cancelled', () => {
    expect(maintenances.length).toBeGreaterThanOrEqual(4);
    expect(maintenances.length).toBeLessThanOrEqual(5);
    expect(maintenances.filter((m) => m.cancelled)).toHaveLength(1);
  });

  it.each(maintenances.map((e) => [e.name, e] as const))('%s is announced, run and completed (or cancelled)', (_, m) => {
    const first = m.updates[0]!;
    expect(first.status).toBe('scheduled');
    expect(first.atMinutes).toBeLessThan(-24 * 60);
    expect(first.components).toBeUndefined();
    for (const key of touched(m)) expect(m.components).toContain(key);
    const last = lastUpdate(m);
    if (m.cancelled) {
      expect(last.status).toBe('cancelled');
      expect(last.atMinutes).toBeLessThan(0);
      expect(touched(m).size).toBe(0);
      return;
    }
    const started = m.updates.find((u) => u.status === 'in_progress');
    expect(started?.atMinutes).toBe(0);
    for (const key of m.components) expect(started?.components?.[key], key).toBe('under_maintenance');
    expect(last.status).toBe('completed');
    expect(last.atMinutes).toBeLessThanOrEqual(m.durationMinutes);
    for (const key of m.components) expect(last.components?.[key], key).toBe('operational');
  });
});

describe('demo scenario: live state', () => {
  it('has an active incident that started about 40 minutes ago and is identified', () => {
    const a = DEMO_ACTIVE_INCIDENT;
    expect(a.startDaysAgo * 24 * 60).toBeCloseTo(40, 0);
    expect(a.updates.map((u) => u.status)).toEqual(['investigating', 'identified']);
    expect(a.updates[0]!.components).toEqual({ data: 'degraded_performance', 'breakout-eu': 'partial_outage' });
    expect(lastUpdate(a).atMinutes).toBeLessThan(40);
    expect(a.postmortem).toBeUndefined();
  });

  it('has a 2-hour maintenance in 2–3 days, announced in the past and only scheduled', () => {
    const m = DEMO_UPCOMING_MAINTENANCE;
    expect(m.startDaysAgo).toBeLessThanOrEqual(-2);
    expect(m.startDaysAgo).toBeGreaterThanOrEqual(-3);
    expect(m.durationMinutes).toBe(120);
    expect(m.updates.map((u) => u.status)).toEqual(['scheduled']);
    expect(-m.startDaysAgo * 24 * 60 + m.updates[0]!.atMinutes).toBeLessThan(0);
    expect(m.cancelled).toBeUndefined();
  });
});

describe('demo scenario: months covered by the history', () => {
  it('leaves exactly two months empty, apart and before the current month', () => {
    const months = last14Months(NOW);
    const empty = emptyMonths(NOW);
    expect(empty).toEqual(['2026-07', '2026-02']);
    const [a, b] = empty.map((m) => months.indexOf(m)) as [number, number];
    expect(Math.abs(a - b)).toBeGreaterThan(1);
    expect(empty).not.toContain(months[0]);
    // The cancelled maintenance is not what fills a month.
    expect(emptyMonths(NOW, [...incidents, ...maintenances.filter((m) => !m.cancelled), DEMO_ACTIVE_INCIDENT])).toEqual(empty);
  });

  it('keeps (almost always) two empty months whatever day the demo is seeded', () => {
    const counts = new Map<number, number>();
    const days = 2 * 365;
    for (let d = 0; d < days; d++) {
      const now = NOW + d * DAY;
      const empty = emptyMonths(now);
      expect(empty, new Date(now).toISOString()).not.toContain(last14Months(now)[0]);
      expect(empty.length).toBeGreaterThanOrEqual(1);
      expect(empty.length).toBeLessThanOrEqual(3);
      counts.set(empty.length, (counts.get(empty.length) ?? 0) + 1);
    }
    expect((counts.get(2) ?? 0) / days).toBeGreaterThan(0.9);
  });
});
