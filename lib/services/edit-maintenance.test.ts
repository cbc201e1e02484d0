import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { listTranslations } from '@/lib/db/queries/translations';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import type { ServiceContext } from '@/lib/services/context';
import { createIncident } from '@/lib/services/create-incident';
import { createMaintenance } from '@/lib/services/create-maintenance';
import { editIncident } from '@/lib/services/edit-incident';
import { editMaintenance } from '@/lib/services/edit-maintenance';
import { NotFoundError, ValidationError } from '@/lib/services/errors';

for (const dialect of testDialects()) {
  describe(`editing a maintenance and an incident's title translations on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    const actor = { type: 'operator' as const, id: 'op0000000001', name: 'Night lead', role: 'responder' as const };
    const ctx = (): ServiceContext => ({ db: db.kysely, now: clock.now, actor });
    const audit = async (action: string) =>
      (await db.kysely.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute()).map((row) => ({
        entityType: row.entity_type,
        before: typeof row.before === 'string' ? JSON.parse(row.before) : row.before,
        after: typeof row.after === 'string' ? JSON.parse(row.after) : row.after,
      }));
    const titles = async (id: string) => (await listTranslations(db.kysely, 'incident', [id])).get(id);

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock('2026-06-10T08:00:00.000Z');
    });
    afterEach(async () => db.drop());

    const schedule = () =>
      createMaintenance({
        ctx: ctx(),
        input: {
          name: 'Router upgrade',
          scheduledFor: '2026-06-11T01:00:00Z',
          scheduledUntil: '2026-06-11T03:00:00Z',
          autoStart: false,
          autoComplete: false,
          translations: { de: { name: 'Router-Upgrade' } },
        },
      });

    it('renames a maintenance and sets its automatic start and completion in place, audited with what changed', async () => {
      const maintenance = await schedule();
      clock.advance(5);
      const edited = await editMaintenance({
        ctx: ctx(),
        input: { id: maintenance.id, name: 'Core router upgrade', autoStart: true, autoComplete: false, translations: { fr: { name: 'Mise à niveau' } } },
      });
      expect(edited).toMatchObject({ name: 'Core router upgrade', auto_start: true, auto_complete: false, updated_at: clock.iso() });
      expect(await db.kysely.selectFrom('incident_updates').select('id').where('incident_id', '=', maintenance.id).execute()).toHaveLength(1);
      expect(await titles(maintenance.id)).toEqual({ de: { name: 'Router-Upgrade' }, fr: { name: 'Mise à niveau' } });
      expect(await audit('maintenance.edit')).toEqual([
        {
          entityType: 'maintenance',
          before: { name: 'Router upgrade', auto_start: false, translations: {} },
          after: { name: 'Core router upgrade', auto_start: true, translations: { fr: { name: 'Mise à niveau' } } },
        },
      ]);

      // Sending what it already is changes nothing and logs nothing.
      await editMaintenance({ ctx: ctx(), input: { id: maintenance.id, name: 'Core router upgrade', autoStart: true, translations: { de: { name: 'Router-Upgrade' } } } });
      expect(await audit('maintenance.edit')).toHaveLength(1);
    });

    it('edits only maintenance, and refuses a bad title translation', async () => {
      const maintenance = await schedule();
      const incident = await createIncident({ ctx: ctx(), input: { name: 'SMS delays' } });
      await expect(editMaintenance({ ctx: ctx(), input: { id: incident.id, autoStart: true } })).rejects.toBeInstanceOf(NotFoundError);
      await expect(editIncident({ ctx: ctx(), input: { id: maintenance.id, name: 'x' } })).rejects.toBeInstanceOf(NotFoundError);
      await expect(editMaintenance({ ctx: ctx(), input: { id: maintenance.id, translations: { de: { body: 'x' } as never } } })).rejects.toBeInstanceOf(ValidationError);
      await expect(editMaintenance({ ctx: ctx(), input: { id: maintenance.id, translations: { xx: { name: 'x' } } } })).rejects.toBeInstanceOf(ValidationError);
    });

    it("changes an incident's title translations through editIncident, keeping the languages not sent", async () => {
      const incident = await createIncident({ ctx: ctx(), input: { name: 'SMS delays', translations: { de: { name: 'SMS-Verzögerungen' }, fr: { name: 'Retards SMS' } } } });
      clock.advance(1);
      await editIncident({ ctx: ctx(), input: { id: incident.id, translations: { de: { name: 'Verzögerte SMS' } } } });
      expect(await titles(incident.id)).toEqual({ de: { name: 'Verzögerte SMS' }, fr: { name: 'Retards SMS' } });
      expect(await audit('incident.edit')).toEqual([
        { entityType: 'incident', before: { translations: { de: { name: 'SMS-Verzögerungen' } } }, after: { translations: { de: { name: 'Verzögerte SMS' } } } },
      ]);
      await editIncident({ ctx: ctx(), input: { id: incident.id, translations: { fr: { name: 'Retards SMS' } } } });
      expect(await audit('incident.edit')).toHaveLength(1);
    });
  });
}
