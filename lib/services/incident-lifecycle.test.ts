import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { addIncidentUpdate } from '@/lib/services/add-incident-update';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/services/errors';
import { publishPostmortem } from '@/lib/services/publish-postmortem';
import { resolveIncident } from '@/lib/services/resolve-incident';

for (const dialect of testDialects()) {
  describe(`incident lifecycle on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    const ctx = () => ({ db: db.kysely, now: clock.now });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
    });
    afterEach(async () => db.drop());

    async function twoComponents() {
      const data = await createComponent({ ctx: ctx(), input: { name: 'Data service' } });
      const sms = await createComponent({ ctx: ctx(), input: { name: 'SMS' } });
      return { data, sms };
    }

    it('opens an incident, derives impact from components and records the status change', async () => {
      const { data, sms } = await twoComponents();
      clock.advance(10);
      const incident = await createIncident({
        ctx: ctx(),
        input: {
          name: 'Elevated data session failures',
          body: 'We are investigating.',
          components: [
            { id: data.id, status: 'partial_outage' },
            { id: sms.id, status: 'degraded_performance' },
          ],
        },
      });
      expect(incident.impact).toBe('major');
      expect(incident.status).toBe('investigating');
      expect(incident.id).toMatch(/^[a-z0-9]{12}$/);

      const component = await db.kysely.selectFrom('components').selectAll().where('id', '=', data.id).executeTakeFirstOrThrow();
      expect(component.status).toBe('partial_outage');
      expect(component.showcase).toBe(true);
      const intervals = await db.kysely
        .selectFrom('component_status_intervals')
        .selectAll()
        .where('component_id', '=', data.id)
        .orderBy('started_at')
        .execute();
      expect(intervals.map((i) => [i.status, i.ended_at])).toEqual([
        ['operational', clock.iso()],
        ['partial_outage', null],
      ]);
      const changes = await db.kysely.selectFrom('incident_update_components').selectAll().execute();
      expect(changes).toHaveLength(2);
      expect(changes.find((c) => c.component_id === data.id)).toMatchObject({
        old_status: 'operational',
        new_status: 'partial_outage',
      });
    });

    it('keeps the worst impact and returns components to operational on resolve', async () => {
      const { data } = await twoComponents();
      const incident = await createIncident({
        ctx: ctx(),
        input: { name: 'Outage', components: [{ id: data.id, status: 'major_outage' }] },
      });
      clock.advance(30);
      const { incident: identified } = await addIncidentUpdate({
        ctx: ctx(),
        input: {
          incidentId: incident.id,
          status: 'identified',
          body: 'Found it',
          components: [{ id: data.id, status: 'degraded_performance' }],
          deliverNotifications: false,
        },
      });
      expect(identified.impact).toBe('critical');
      clock.advance(30);
      const { incident: resolved, update } = await resolveIncident({ ctx: ctx(), input: { incidentId: incident.id } });
      expect(resolved.status).toBe('resolved');
      expect(resolved.resolved_at).toBe(clock.iso());
      expect(update.deliver_notifications).toBe(true);
      const component = await db.kysely.selectFrom('components').select('status').where('id', '=', data.id).executeTakeFirstOrThrow();
      expect(component.status).toBe('operational');
      const updates = await db.kysely.selectFrom('incident_updates').selectAll().where('incident_id', '=', incident.id).execute();
      expect(updates.map((u) => u.deliver_notifications).sort()).toEqual([false, true, true]);
    });

    it('refuses a transition the lifecycle forbids and changes nothing', async () => {
      const incident = await createIncident({ ctx: ctx(), input: { name: 'Short blip', status: 'resolved' } });
      await expect(
        addIncidentUpdate({ ctx: ctx(), input: { incidentId: incident.id, status: 'investigating', body: 'again' } }),
      ).rejects.toBeInstanceOf(ConflictError);
      const count = await db.kysely.selectFrom('incident_updates').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    });

    it('rolls back everything when a component is unknown', async () => {
      const { data } = await twoComponents();
      await expect(
        createIncident({
          ctx: ctx(),
          input: { name: 'Bad', components: [{ id: data.id, status: 'major_outage' }, { id: 'nope', status: 'major_outage' }] },
        }),
      ).rejects.toBeInstanceOf(ValidationError);
      expect(await db.kysely.selectFrom('incidents').selectAll().execute()).toHaveLength(0);
      const component = await db.kysely.selectFrom('components').select('status').where('id', '=', data.id).executeTakeFirstOrThrow();
      expect(component.status).toBe('operational');
    });

    it('names the bad field in validation errors', async () => {
      const error = await createIncident({ ctx: ctx(), input: { name: '   ' } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields).toHaveProperty('name');
      const future = await createIncident({
        ctx: ctx(),
        input: { name: 'From the future', startedAt: '2030-01-01T00:00:00Z' },
      }).catch((e: unknown) => e);
      expect((future as ValidationError).fields).toHaveProperty('startedAt');
    });

    it('accepts a backdated start and publishes a postmortem only after resolution', async () => {
      const incident = await createIncident({
        ctx: ctx(),
        input: { name: 'Backfilled', startedAt: '2026-05-30T08:00:00+02:00' },
      });
      expect(incident.started_at).toBe('2026-05-30T06:00:00.000Z');
      await expect(
        publishPostmortem({ ctx: ctx(), input: { incidentId: incident.id, body: '## Root cause' } }),
      ).rejects.toBeInstanceOf(ConflictError);
      await resolveIncident({ ctx: ctx(), input: { incidentId: incident.id } });
      const published = await publishPostmortem({ ctx: ctx(), input: { incidentId: incident.id, body: '## Root cause' } });
      expect(published.status).toBe('postmortem');
      expect(published.postmortem_published_at).toBe(clock.iso());
      await expect(
        publishPostmortem({ ctx: ctx(), input: { incidentId: 'missing', body: 'x' } }),
      ).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
