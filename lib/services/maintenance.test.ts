import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { createComponent } from '@/lib/services/create-component';
import { createMaintenance } from '@/lib/services/create-maintenance';
import { ConflictError, ValidationError } from '@/lib/services/errors';
import { resolveIncident } from '@/lib/services/resolve-incident';
import { updateMaintenance } from '@/lib/services/update-maintenance';

for (const dialect of testDialects()) {
  describe(`maintenance on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    const ctx = () => ({ db: db.kysely, now: clock.now });
    const status = async (id: string) =>
      (await db.kysely.selectFrom('components').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
    });
    afterEach(async () => db.drop());

    it('schedules without touching components, then starts and completes', async () => {
      const router = await createComponent({ ctx: ctx(), input: { name: 'Data service' } });
      const maintenance = await createMaintenance({
        ctx: ctx(),
        input: {
          name: 'Core router upgrade',
          body: 'We will upgrade the core routers.',
          scheduledFor: '2026-06-02T01:00:00Z',
          scheduledUntil: '2026-06-02T03:00:00Z',
          componentIds: [router.id],
        },
      });
      expect(maintenance.status).toBe('scheduled');
      expect(maintenance.auto_start).toBe(true);
      expect(await status(router.id)).toBe('operational');

      clock.advance(13 * 60);
      const started = await updateMaintenance({ ctx: ctx(), input: { id: maintenance.id, status: 'in_progress', body: 'Started' } });
      expect(started.incident.status).toBe('in_progress');
      expect(started.incident.started_at).toBe(clock.iso());
      expect(await status(router.id)).toBe('under_maintenance');

      clock.advance(90);
      const done = await updateMaintenance({ ctx: ctx(), input: { id: maintenance.id, status: 'completed', body: 'Done' } });
      expect(done.incident.resolved_at).toBe(clock.iso());
      expect(await status(router.id)).toBe('operational');
      const intervals = await db.kysely
        .selectFrom('component_status_intervals')
        .select('status')
        .where('component_id', '=', router.id)
        .orderBy('started_at')
        .execute();
      expect(intervals.map((i) => i.status)).toEqual(['operational', 'under_maintenance', 'operational']);
    });

    it('reschedules only while scheduled and refuses a window that ends before it starts', async () => {
      const maintenance = await createMaintenance({
        ctx: ctx(),
        input: { name: 'SMSC update', scheduledFor: '2026-06-03T01:00:00Z', scheduledUntil: '2026-06-03T02:00:00Z' },
      });
      const moved = await updateMaintenance({
        ctx: ctx(),
        input: { id: maintenance.id, status: 'scheduled', body: 'Moved by a day', scheduledFor: '2026-06-04T01:00:00Z', scheduledUntil: '2026-06-04T02:00:00Z' },
      });
      expect(moved.incident.scheduled_for).toBe('2026-06-04T01:00:00.000Z');
      await expect(
        updateMaintenance({ ctx: ctx(), input: { id: maintenance.id, status: 'scheduled', scheduledUntil: '2026-06-04T00:00:00Z' } }),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(
        createMaintenance({
          ctx: ctx(),
          input: { name: 'Backwards', scheduledFor: '2026-06-03T02:00:00Z', scheduledUntil: '2026-06-03T01:00:00Z' },
        }),
      ).rejects.toBeInstanceOf(ValidationError);
      await updateMaintenance({ ctx: ctx(), input: { id: maintenance.id, status: 'cancelled', body: 'Not needed' } });
      await expect(
        updateMaintenance({ ctx: ctx(), input: { id: maintenance.id, status: 'in_progress' } }),
      ).rejects.toBeInstanceOf(ConflictError);
    });

    it('is not an incident: it cannot be resolved', async () => {
      const maintenance = await createMaintenance({
        ctx: ctx(),
        input: { name: 'Window', scheduledFor: '2026-06-03T01:00:00Z', scheduledUntil: '2026-06-03T02:00:00Z' },
      });
      await expect(resolveIncident({ ctx: ctx(), input: { incidentId: maintenance.id } })).rejects.toBeInstanceOf(ConflictError);
    });
  });
}
