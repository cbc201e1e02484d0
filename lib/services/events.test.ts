import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { onChange } from '@/lib/live/change-bus';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import type { DomainEvent } from '@/lib/domain/events';
import { emit } from '@/lib/services/events';
import { withTransaction } from '@/lib/db/transaction';
import { resolveIncident } from '@/lib/services/resolve-incident';

for (const dialect of testDialects()) {
  describe(`change events on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    let events: DomainEvent[];
    let stop: () => void;
    const ctx = () => ({ db: db.kysely, now: clock.now });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
      events = [];
      stop = onChange((e) => events.push(e));
    });
    afterEach(async () => {
      stop();
      await db.drop();
    });

    it('announces each change once it has committed', async () => {
      const data = await createComponent({ ctx: ctx(), input: { name: 'Data service' } });
      events.length = 0;
      const incident = await createIncident({
        ctx: ctx(),
        input: { name: 'Outage', components: [{ id: data.id, status: 'major_outage' }] },
      });
      expect(events.map((e) => e.type)).toEqual(['component.status_changed', 'incident.created']);
      await resolveIncident({ ctx: ctx(), input: { incidentId: incident.id } });
      expect(events.map((e) => e.type).slice(2)).toEqual(['component.status_changed', 'incident.resolved']);
    });

    it('announces nothing when the transaction rolls back', async () => {
      const data = await createComponent({ ctx: ctx(), input: { name: 'Data service' } });
      events.length = 0;
      await expect(
        createIncident({
          ctx: ctx(),
          input: { name: 'Bad', components: [{ id: data.id, status: 'major_outage' }, { id: 'missing', status: 'major_outage' }] },
        }),
      ).rejects.toThrow();
      expect(events).toEqual([]);
      // Even an event already emitted inside the transaction is dropped by the rollback.
      await expect(
        withTransaction(db.kysely, async (trx) => {
          await emit(trx, { type: 'page.changed', what: 'settings' }, clock.now());
          throw new Error('later step failed');
        }),
      ).rejects.toThrow('later step failed');
      expect(events).toEqual([]);
      await withTransaction(db.kysely, (trx) => emit(trx, { type: 'page.changed', what: 'settings' }, clock.now()));
      expect(events).toEqual([{ type: 'page.changed', what: 'settings' }]);
    });
  });
}
