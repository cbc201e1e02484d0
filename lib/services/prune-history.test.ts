import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { parseJson } from '@/lib/services/audit';
import { createIncident } from '@/lib/services/create-incident';
import { ValidationError } from '@/lib/services/errors';
import { pruneHistory } from '@/lib/services/prune-history';
import { resolveIncident } from '@/lib/services/resolve-incident';

for (const dialect of testDialects()) {
  describe(`retention job on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    const ctx = () => ({ db: db.kysely, now: clock.now });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock('2024-01-01T00:00:00.000Z');
    });
    afterEach(async () => db.drop());

    it('prunes only resolved items older than the retention, and audits what it pruned', async () => {
      const old = await createIncident({ ctx: ctx(), input: { name: 'Old outage' } });
      await resolveIncident({ ctx: ctx(), input: { incidentId: old.id } });
      const stillOpen = await createIncident({ ctx: ctx(), input: { name: 'Forgotten open incident' } });
      clock.advance(400 * 24 * 60);
      const recent = await createIncident({ ctx: ctx(), input: { name: 'Recent outage' } });
      await resolveIncident({ ctx: ctx(), input: { incidentId: recent.id } });

      expect(await pruneHistory({ ctx: ctx(), retentionDays: 730 })).toEqual([]);
      expect(await pruneHistory({ ctx: ctx(), retentionDays: 365 })).toEqual([old.id]);
      const left = await db.kysely.selectFrom('incidents').select('id').orderBy('started_at').execute();
      expect(left.map((r) => r.id)).toEqual([stillOpen.id, recent.id]);
      expect(await db.kysely.selectFrom('incident_updates').select('id').where('incident_id', '=', old.id).execute()).toEqual([]);
      const audit = await db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'history.prune').executeTakeFirstOrThrow();
      expect(audit.actor_name).toBe('retention job');
      expect(parseJson<{ id: string }[]>(audit.before)!.map((b) => b.id)).toEqual([old.id]);
    });

    it('refuses a retention shorter than 365 days', async () => {
      await expect(pruneHistory({ ctx: ctx(), retentionDays: 364 })).rejects.toBeInstanceOf(ValidationError);
    });
  });
}
