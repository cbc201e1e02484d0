import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { createComponent } from '@/lib/services/create-component';
import { createGroup } from '@/lib/services/create-group';
import { NotFoundError, ValidationError } from '@/lib/services/errors';
import { getStatusPage } from '@/lib/services/get-status-page';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { updatePageSettings } from '@/lib/services/page-settings';
import { setComponentStatus } from '@/lib/services/set-component-status';
import { updateComponent } from '@/lib/services/update-component';
import { updateGroup } from '@/lib/services/update-group';

for (const dialect of testDialects()) {
  describe(`components, groups and settings on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    const ctx = () => ({ db: db.kysely, now: clock.now });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
    });
    afterEach(async () => db.drop());

    it('an empty page reads as operational with defaults and a stable page id', async () => {
      const view = await getStatusPage({ ctx: ctx() });
      expect(view.status).toEqual({ indicator: 'none', description: 'All Systems Operational' });
      expect(view.groups).toEqual([]);
      expect(view.ungrouped).toEqual([]);
      expect(view.page.id).toMatch(/^[a-z0-9]{12}$/);
      const again = await getPageSettings(db.kysely, clock.now());
      expect(again.id).toBe(view.page.id);
    });

    it('creates groups and components in order, and a group shows its worst child', async () => {
      const core = await createGroup({ ctx: ctx(), input: { name: 'Core connectivity' } });
      const platform = await createGroup({ ctx: ctx(), input: { name: 'Platform' } });
      expect([core.position, platform.position]).toEqual([1, 2]);
      const data = await createComponent({ ctx: ctx(), input: { name: 'Data service', groupId: core.id } });
      const sms = await createComponent({ ctx: ctx(), input: { name: 'SMS', groupId: core.id, showcase: false } });
      expect([data.position, sms.position]).toEqual([1, 2]);

      await setComponentStatus({ ctx: ctx(), input: { id: sms.id, status: 'partial_outage' } });
      const view = await getStatusPage({ ctx: ctx() });
      const group = view.groups.find((g) => g.id === core.id)!;
      expect(group.status).toBe('partial_outage');
      expect(group.components.map((c) => c.name)).toEqual(['Data service', 'SMS']);
      expect(group.components[0]!.uptime?.days).toHaveLength(90);
      expect(group.components[1]!.uptime).toBeNull();
      expect(view.status).toEqual({ indicator: 'minor', description: 'Minor Service Outage' });
      // A group with no components is not shown.
      expect(view.groups.map((g) => g.id)).toEqual([core.id]);
    });

    it('hides only-show-if-degraded components while operational', async () => {
      const roaming = await createComponent({ ctx: ctx(), input: { name: 'Brazil', onlyShowIfDegraded: true } });
      expect((await getStatusPage({ ctx: ctx() })).ungrouped).toHaveLength(0);
      await setComponentStatus({ ctx: ctx(), input: { id: roaming.id, status: 'major_outage' } });
      const view = await getStatusPage({ ctx: ctx() });
      expect(view.ungrouped.map((c) => c.name)).toEqual(['Brazil']);
      expect(view.status.indicator).toBe('critical');
    });

    it('records every status change as an interval and ignores a repeat', async () => {
      const api = await createComponent({ ctx: ctx(), input: { name: 'REST API' } });
      clock.advance(5);
      await setComponentStatus({ ctx: ctx(), input: { id: api.id, status: 'degraded_performance' } });
      clock.advance(5);
      await setComponentStatus({ ctx: ctx(), input: { id: api.id, status: 'degraded_performance' } });
      clock.advance(5);
      await setComponentStatus({ ctx: ctx(), input: { id: api.id, status: 'operational' } });
      const intervals = await db.kysely
        .selectFrom('component_status_intervals')
        .select(['status', 'ended_at'])
        .where('component_id', '=', api.id)
        .orderBy('started_at')
        .execute();
      expect(intervals.map((i) => i.status)).toEqual(['operational', 'degraded_performance', 'operational']);
      expect(intervals.at(-1)!.ended_at).toBeNull();
    });

    it('edits groups and components, refusing unknown ids and bad input', async () => {
      const group = await createGroup({ ctx: ctx(), input: { name: 'Platform' } });
      const renamed = await updateGroup({ ctx: ctx(), input: { id: group.id, name: 'Platform services' } });
      expect(renamed.name).toBe('Platform services');
      const portal = await createComponent({ ctx: ctx(), input: { name: 'Portal' } });
      const moved = await updateComponent({ ctx: ctx(), input: { id: portal.id, groupId: group.id, description: 'Web portal' } });
      expect(moved).toMatchObject({ group_id: group.id, description: 'Web portal', name: 'Portal' });

      await expect(updateGroup({ ctx: ctx(), input: { id: 'missing' } })).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        createComponent({ ctx: ctx(), input: { name: 'X', groupId: 'missing' } }),
      ).rejects.toMatchObject({ fields: { groupId: 'unknown group' } });
      await expect(
        setComponentStatus({ ctx: ctx(), input: { id: portal.id, status: 'on_fire' as never } }),
      ).rejects.toMatchObject({ fields: { status: expect.any(String) } });
      await expect(createComponent({ ctx: ctx(), input: { name: 'x'.repeat(300) } })).rejects.toBeInstanceOf(ValidationError);
      const count = await db.kysely.selectFrom('components').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    });

    it('validates page settings field by field', async () => {
      const saved = await updatePageSettings({
        ctx: ctx(),
        input: { name: 'Acme IoT', timeZone: 'Europe/Berlin', url: 'https://status.acme.example' },
      });
      expect(saved).toMatchObject({ name: 'Acme IoT', time_zone: 'Europe/Berlin', url: 'https://status.acme.example' });
      await expect(updatePageSettings({ ctx: ctx(), input: { timeZone: 'Mars/Olympus' } })).rejects.toMatchObject({
        fields: { timeZone: expect.stringContaining('IANA') },
      });
      await expect(updatePageSettings({ ctx: ctx(), input: { url: 'javascript:alert(1)' } })).rejects.toMatchObject({
        fields: { url: expect.any(String) },
      });
      expect((await getPageSettings(db.kysely, clock.now())).time_zone).toBe('Europe/Berlin');
    });
  });
}
