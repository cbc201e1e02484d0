import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '@/lib/db/testing/test-db';
import { apiHarness, type ApiHarness } from '@/app/api/v1/_tests/test-harness';

for (const dialect of testDialects()) {
  describe(`management API v1: component and group uptime on ${dialect}`, () => {
    let h: ApiHarness;

    beforeEach(async () => {
      h = await apiHarness(dialect);
    });
    afterEach(async () => h.db.drop());

    it("serves Statuspage's uptime shape for a component and a group, and refuses bad dates naming them", async () => {
      const c = (await h.call('POST', 'components', { body: { component: { name: 'SMS', showcase: true } } })).body;
      const group = (await h.call('POST', 'component-groups', { body: { component_group: { name: 'Core', components: [c.id] } } })).body;
      h.clock.advance(60);
      await h.call('PATCH', `components/${c.id}`, { body: { component: { status: 'major_outage' } } });
      h.clock.advance(30);
      await h.call('PATCH', `components/${c.id}`, { body: { component: { status: 'operational' } } });
      h.clock.advance(30);

      const one = await h.call('GET', `components/${c.id}/uptime.json`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: c.id, name: 'SMS', major_outage: 1800, partial_outage: 0, warnings: [], related_events: [] });
      expect(one.body.uptime_percentage).toBeLessThan(100);
      expect(one.body.range_start).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      const grouped = await h.call('GET', `component-groups/${group.id}/uptime?skip_related_events=true`);
      expect(grouped.status).toBe(200);
      expect(grouped.body).toMatchObject({ id: group.id, name: 'Core', major_outage: 1800 });
      expect(grouped.body.related_events).toBeUndefined();

      const bad = await h.call('GET', `components/${c.id}/uptime?start=tomorrow`);
      expect(bad).toMatchObject({ status: 422, body: { fields: { start: expect.any(String) } } });
      expect((await h.call('GET', 'components/nothinghere1/uptime')).status).toBe(404);
      expect((await h.call('GET', `components/${c.id}/uptime/more`)).status).toBe(404);
      expect((await h.call('POST', `components/${c.id}/uptime`, { body: {} })).status).toBe(405);
      expect((await h.call('GET', `components/${c.id}/uptime`, { key: null })).status).toBe(401);
    });
  });
}
