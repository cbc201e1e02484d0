import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { isEmpty, seedDemo } from '@/lib/demo/seed';
import { getHistoryPage } from '@/lib/services/get-history-page';
import { getIncidentPage } from '@/lib/services/get-incident-page';
import { getStatusPage } from '@/lib/services/get-status-page';
import { getStatuspageData } from '@/lib/services/get-statuspage-data';
import { listIntegrations } from '@/lib/services/list-integrations';
import { DEMO_INTEGRATION } from '@/lib/demo/integrations';

const NOW = new Date('2026-11-26T12:00:00.000Z');

for (const dialect of testDialects()) {
  describe(`demo data and the public read models on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    const ctx = () => ({ db: db.kysely, now: () => NOW });

    beforeAll(async () => {
      db = await createTestDb(dialect);
      expect(await isEmpty(db.kysely)).toBe(true);
      await seedDemo(db.kysely, NOW, 'https://status.example.com');
      expect(await isEmpty(db.kysely)).toBe(false);
    });
    afterAll(async () => db.drop());

    it('shows the groups, the active incident and the upcoming maintenance', async () => {
      const view = await getStatusPage({ ctx: ctx() });
      expect(view.page.name).toBe('Acme IoT');
      expect(view.groups.map((g) => g.name)).toEqual(['Core connectivity', 'Platform', 'Regional internet breakouts']);
      expect(view.activeIncidents).toHaveLength(1);
      expect(view.activeIncidents[0]!.status).toBe('identified');
      expect(view.activeIncidents[0]!.latestUpdate?.status).toBe('identified');
      expect(view.upcomingMaintenance).toHaveLength(1);
      expect(view.status.indicator).not.toBe('none');
      // A group shows its worst child: the active incident degrades something in it.
      const affected = new Set(view.activeIncidents[0]!.components.map((c) => c.id));
      const touched = view.groups.find((g) => g.components.some((c) => affected.has(c.id)))!;
      expect(touched.status).not.toBe('operational');
    });

    it('carries German and French translations on the active incident and the data service, and a German subscriber (issue #15)', async () => {
      const view = await getStatusPage({ ctx: ctx() });
      const active = view.activeIncidents[0]!;
      expect(active.translations?.de?.name).toBe('Paketverluste am EU-Internet-Breakout');
      expect(active.translations?.fr?.name).toBeTruthy();
      expect(active.latestUpdate?.translations?.de?.body).toContain('Glasfaserschnitt');
      const data = view.groups.flatMap((g) => g.components).find((c) => c.name === 'Data service')!;
      expect(data.translations).toMatchObject({ de: { name: 'Datendienst' }, fr: { name: 'Service de données' } });
      expect(view.groups.find((g) => g.name === 'Core connectivity')?.translations?.de?.name).toBe('Kernkonnektivität');
      // Untranslated content stays exactly as it was: no empty translations field.
      expect(view.groups.find((g) => g.name === 'Platform')).not.toHaveProperty('translations');
      const german = await db.kysely.selectFrom('subscribers').select(['state', 'locale', 'time_zone']).where('email', '=', 'anna.schmidt@example.de').execute();
      expect(german).toEqual([{ state: 'active', locale: 'de', time_zone: 'Europe/Berlin' }]);
    });

    it('computes 90 daily bars, some red or orange, and a floored percentage below 100', async () => {
      const view = await getStatusPage({ ctx: ctx() });
      const components = view.groups.flatMap((g) => g.components).filter((c) => c.uptime);
      expect(components.length).toBeGreaterThan(5);
      for (const c of components) expect(c.uptime!.days).toHaveLength(90);
      const bad = components.flatMap((c) => c.uptime!.days).filter((d) => d.majorMs > 0 || d.partialMs > 0);
      expect(bad.length).toBeGreaterThan(0);
      expect(bad.some((d) => d.incidents.length > 0)).toBe(true);
      const percents = components.map((c) => c.uptime!.percent);
      expect(percents.some((p) => p !== null && p < 100)).toBe(true);
      // The Data Streamer started 60 days ago: its first 30 bars have no data.
      const streamer = components.find((c) => c.name === 'Data Streamer')!;
      expect(streamer.uptime!.days.slice(0, 25).every((d) => d.uptime === null)).toBe(true);
      expect(streamer.uptime!.days.at(-1)!.uptime).not.toBeNull();
    });

    it('lists the past 7 days of incidents', async () => {
      const view = await getStatusPage({ ctx: ctx() });
      expect(view.recentDays).toHaveLength(7);
      expect(view.recentDays.flatMap((d) => d.incidents).length).toBeGreaterThanOrEqual(3);
    });

    it('keeps more than 13 months of history, three months per page', async () => {
      const page5 = (await getHistoryPage({ ctx: ctx(), pageNumber: 5 }))!;
      expect(page5.months.map((m) => m.key)).toEqual(['2025-11', '2025-10', '2025-09']);
      expect(page5.months.flatMap((m) => m.incidents).length).toBeGreaterThan(0);
      const page1 = (await getHistoryPage({ ctx: ctx(), pageNumber: 1 }))!;
      expect(page1.months.map((m) => m.key)).toEqual(['2026-11', '2026-10', '2026-09']);
      expect(page1.hasOlder).toBe(true);
      // The demo leaves a couple of months quiet, so "No incidents reported" has something to show.
      const months = [];
      for (let n = 1; n <= 5; n++) months.push(...(await getHistoryPage({ ctx: ctx(), pageNumber: n }))!.months);
      expect(months).toHaveLength(15);
      expect(months.filter((m) => m.incidents.length === 0).length).toBeGreaterThanOrEqual(1);
      expect(months.filter((m) => m.incidents.length > 0).length).toBeGreaterThanOrEqual(12);
    });

    it('filters history by component', async () => {
      const all = (await getHistoryPage({ ctx: ctx(), pageNumber: 1 }))!;
      const sms = all.components.find((c) => c.name === 'SMS')!;
      const filtered = (await getHistoryPage({ ctx: ctx(), pageNumber: 1, componentId: sms.id }))!;
      const count = (v: typeof all) => v.months.flatMap((m) => m.incidents).length;
      expect(count(filtered)).toBeLessThan(count(all));
      for (const incident of filtered.months.flatMap((m) => m.incidents)) {
        expect(incident.components.map((c) => c.id)).toContain(sms.id);
      }
    });

    it('shows a resolved critical incident with its timeline and postmortem', async () => {
      const history = (await getHistoryPage({ ctx: ctx(), pageNumber: 2 }))!;
      const critical = history.months.flatMap((m) => m.incidents).find((i) => i.impact === 'critical')!;
      const found = await getIncidentPage({ ctx: ctx(), id: critical.id });
      expect(found?.incident.postmortem?.body).toMatch(/Root cause/i);
      const updates = found!.incident.updates;
      expect(updates[0]!.status).toBe('resolved');
      expect(updates.at(-1)!.status).toBe('investigating');
      for (let i = 1; i < updates.length; i++) expect(updates[i - 1]!.displayAt >= updates[i]!.displayAt).toBe(true);
      expect(found!.incident.durationMs).toBeGreaterThan(0);
      expect(await getIncidentPage({ ctx: ctx(), id: 'nope' })).toBeUndefined();
    });

    it('has an Alertmanager integration with two rules and one pending draft that no public page shows (issue #18 part 2)', async () => {
      const { integrations, drafts } = await listIntegrations({ ctx: ctx() });
      expect(integrations.map((i) => [i.name, i.kind, i.rule_count])).toEqual([[DEMO_INTEGRATION.name, 'alertmanager', 2]]);
      expect(integrations[0]!.rules.map((r) => [r.matchers, r.target.name, r.status])).toEqual([
        ['service="sms", severity="critical"', 'SMS', 'major_outage'],
        ['service="breakout", region="eu"', 'EU', 'partial_outage'],
      ]);
      expect(integrations[0]!.last_alert_at).toBe(NOW.toISOString());
      expect(drafts).toHaveLength(1);
      const draft = drafts[0]!;
      expect(draft).toMatchObject({ state: 'draft', publishAt: new Date(NOW.getTime() + 60 * 60_000).toISOString() });
      // The draft's alert changed no component: the active incident had already set it.
      expect(await db.kysely.selectFrom('audit_log').select('action').where('actor_name', '=', `integration: ${DEMO_INTEGRATION.name}`).where('action', '=', 'component.status').execute()).toEqual([]);
      const incidents = await db.kysely.selectFrom('incidents').select('name').execute();
      expect(incidents.map((i) => i.name)).not.toContain(draft.name);
      const view = await getStatusPage({ ctx: ctx() });
      expect(JSON.stringify(view)).not.toContain(draft.name);
      expect(JSON.stringify(await getStatuspageData({ ctx: ctx(), baseUrl: 'https://status.example.com' }))).not.toContain(draft.name);
    });
  });
}
