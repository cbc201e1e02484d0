import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listTranslations } from '@/lib/db/queries/translations';
import { testDialects } from '@/lib/db/testing/test-db';
import { createComponent } from '@/lib/services/create-component';
import { apiHarness, type ApiHarness } from '@/app/api/v1/_tests/test-harness';

for (const dialect of testDialects()) {
  describe(`management API v1: translations (Beacon extension) on ${dialect}`, () => {
    let h: ApiHarness;
    let vpn: string;

    beforeEach(async () => {
      h = await apiHarness(dialect);
      vpn = (await createComponent({ ctx: h.ctx, input: { name: 'VPN' } })).id;
      h.clock.advance(5);
    });
    afterEach(async () => h.db.drop());

    const stored = async (type: 'incident' | 'incident_update' | 'component', id: string) =>
      (await listTranslations(h.db.kysely, type, [id])).get(id);

    it('stores incident[translations] sent as JSON and as a form, and keeps GET Statuspage-shaped', async () => {
      const created = await h.call('POST', 'incidents', {
        body: {
          incident: {
            name: 'VPN tunnels dropping',
            body: 'We are on it.',
            components: { [vpn]: 'major_outage' },
            translations: { de: { name: 'VPN-Tunnel brechen ab', body: 'Wir sind dran.' }, fr: { name: 'Tunnels VPN coupés' } },
          },
        },
      });
      expect(created.status).toBe(201);
      expect(created.body).not.toHaveProperty('translations');
      const id = created.body.id as string;
      const updateId = created.body.incident_updates[0].id as string;
      expect(await stored('incident', id)).toEqual({ de: { name: 'VPN-Tunnel brechen ab' }, fr: { name: 'Tunnels VPN coupés' } });
      expect(await stored('incident_update', updateId)).toEqual({ de: { body: 'Wir sind dran.' } });

      h.clock.advance(1);
      const form = new URLSearchParams({
        'incident[status]': 'monitoring',
        'incident[body]': 'Fix deployed.',
        'incident[translations][de][body]': 'Korrektur eingespielt.',
        'incident[translations][it][name]': 'Tunnel VPN interrotti',
      });
      const patched = await h.call('PATCH', `incidents/${id}`, { raw: form.toString(), contentType: 'application/x-www-form-urlencoded' });
      expect(patched.status).toBe(200);
      const newest = patched.body.incident_updates[0];
      expect(newest.body).toBe('Fix deployed.');
      expect(await stored('incident_update', newest.id)).toEqual({ de: { body: 'Korrektur eingespielt.' } });
      // A PATCH adds the Italian title and keeps the German and French ones.
      expect(await stored('incident', id)).toEqual({ de: { name: 'VPN-Tunnel brechen ab' }, fr: { name: 'Tunnels VPN coupés' }, it: { name: 'Tunnel VPN interrotti' } });
    });

    it('stores a scheduled maintenance\'s translations on create, and each update\'s on PATCH, including a move to in progress', async () => {
      const from = new Date(h.clock.now().getTime() + 3_600_000).toISOString();
      const until = new Date(h.clock.now().getTime() + 7_200_000).toISOString();
      const created = await h.call('POST', 'incidents', {
        body: {
          incident: {
            name: 'Core router upgrade',
            status: 'scheduled',
            body: 'Short data interruptions.',
            scheduled_for: from,
            scheduled_until: until,
            components: { [vpn]: 'operational' },
            translations: { de: { name: 'Upgrade der Core-Router', body: 'Kurze Unterbrechungen der Datenverbindung.' } },
          },
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.id as string;
      expect(await stored('incident', id)).toEqual({ de: { name: 'Upgrade der Core-Router' } });
      expect(await stored('incident_update', created.body.incident_updates[0].id)).toEqual({ de: { body: 'Kurze Unterbrechungen der Datenverbindung.' } });

      h.clock.advance(1);
      const patched = await h.call('PATCH', `incidents/${id}`, {
        body: { incident: { status: 'in_progress', body: 'Started.', translations: { de: { body: 'Begonnen.' }, fr: { name: 'Mise à niveau des routeurs' } } } },
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      const newest = patched.body.incident_updates[0];
      expect(newest).toMatchObject({ status: 'in_progress', body: 'Started.' });
      expect(await stored('incident_update', newest.id)).toEqual({ de: { body: 'Begonnen.' } });
      expect(await stored('incident', id)).toEqual({ de: { name: 'Upgrade der Core-Router' }, fr: { name: 'Mise à niveau des routeurs' } });
    });

    it('stores a template\'s translations (Beacon extension) on POST and PATCH, keeps its JSON Statuspage-shaped, and names a bad one', async () => {
      const created = await h.call('POST', 'incident_templates', {
        body: { template: { name: 'VPN outage', title: 'VPN unavailable', body: 'We are investigating.', translations: { de: { title: 'VPN nicht verfügbar', body: 'Wir untersuchen.' } } } },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).not.toHaveProperty('translations');
      const id = created.body.id as string;
      const template = async () => (await listTranslations(h.db.kysely, 'incident_template', [id])).get(id);
      expect(await template()).toEqual({ de: { title: 'VPN nicht verfügbar', body: 'Wir untersuchen.' } });
      const patched = await h.call('PATCH', `incident_templates/${id}`, { body: { template: { translations: { fr: { title: 'VPN indisponible' } } } } });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      expect(await template()).toEqual({ fr: { title: 'VPN indisponible' } });

      const before = await h.allCounts();
      const bad = await h.call('PATCH', `incident_templates/${id}`, { body: { template: { translations: { de: { name: 'x' } } } } });
      expect(bad.status).toBe(422);
      expect(bad.body.message).toContain('template.translations.de');
      expect(await h.allCounts()).toEqual(before);
      expect(await template()).toEqual({ fr: { title: 'VPN indisponible' } });
    });

    it('refuses an unknown language or field with a 422 naming it, and writes nothing', async () => {
      const before = await h.allCounts();
      const unknown = await h.call('POST', 'incidents', { body: { incident: { name: 'Outage', translations: { klingon: { name: 'x' } } } } });
      expect(unknown.status).toBe(422);
      expect(unknown.body.message).toContain('incident.translations.klingon');
      expect(unknown.body.message).toContain('not a language');
      const field = await h.call('POST', 'incidents', { body: { incident: { name: 'Outage', translations: { de: { colour: 'rot' } } } } });
      expect(field.status).toBe(422);
      expect(field.body.message).toContain('incident.translations.de');
      const shape = await h.call('POST', 'incidents', { body: { incident: { name: 'Outage', translations: 'de' } } });
      expect(shape.status).toBe(422);
      expect(shape.body.message).toContain('incident.translations');
      expect(await h.allCounts()).toEqual(before);
    });

    it('translates a component through PATCH and refuses the original language', async () => {
      const ok = await h.call('PATCH', `components/${vpn}`, { body: { component: { translations: { de: { name: 'VPN', description: 'Site-to-Site-Tunnel' } } } } });
      expect(ok.status).toBe(200);
      expect(ok.body).not.toHaveProperty('translations');
      expect(await stored('component', vpn)).toEqual({ de: { name: 'VPN', description: 'Site-to-Site-Tunnel' } });
      const en = await h.call('PATCH', `components/${vpn}`, { body: { component: { translations: { en: { name: 'VPN' } } } } });
      expect(en.status).toBe(422);
      expect(en.body.message).toContain('component.translations.en');
    });

    it('stores translations sent on POST of a component and a group, and refuses a bad one writing nothing', async () => {
      const component = await h.call('POST', 'components', { body: { component: { name: 'SMS', translations: { de: { name: 'SMS', description: 'Kurznachrichten' } } } } });
      expect(component.status, JSON.stringify(component.body)).toBe(201);
      expect(component.body).not.toHaveProperty('translations');
      expect(await stored('component', component.body.id)).toEqual({ de: { name: 'SMS', description: 'Kurznachrichten' } });
      const group = await h.call('POST', 'component-groups', { body: { component_group: { name: 'Messaging', components: [component.body.id], translations: { it: { name: 'Messaggistica' } } } } });
      expect(group.status, JSON.stringify(group.body)).toBe(201);
      expect((await listTranslations(h.db.kysely, 'component_group', [group.body.id])).get(group.body.id)).toEqual({ it: { name: 'Messaggistica' } });

      const before = await h.allCounts();
      const bad = await h.call('POST', 'components', { body: { component: { name: 'MMS', translations: { xx: { name: 'MMS' } } } } });
      expect(bad.status).toBe(422);
      expect(bad.body.message).toContain('component.translations.xx');
      const badGroup = await h.call('POST', 'component-groups', { body: { component_group: { name: 'Voice', components: [vpn], translations: { de: { description: 'x' } } } } });
      expect(badGroup.status).toBe(422);
      expect(badGroup.body.message).toContain('component_group.translations.de');
      expect(await h.allCounts()).toEqual(before);
    });

    it('translates a group name through PATCH component-groups', async () => {
      const made = await h.call('POST', 'component-groups', { body: { component_group: { name: 'Core', components: [vpn] } } });
      expect(made.status).toBe(201);
      const ok = await h.call('PATCH', `component-groups/${made.body.id}`, { body: { component_group: { translations: { fr: { name: 'Cœur de réseau' } } } } });
      expect(ok.status).toBe(200);
      expect(ok.body).not.toHaveProperty('translations');
      expect((await listTranslations(h.db.kysely, 'component_group', [made.body.id])).get(made.body.id)).toEqual({ fr: { name: 'Cœur de réseau' } });
      const bad = await h.call('PATCH', `component-groups/${made.body.id}`, { body: { component_group: { translations: { fr: { description: 'x' } } } } });
      expect(bad.status).toBe(422);
      expect(bad.body.message).toContain('component_group.translations.fr');
    });
  });
}
