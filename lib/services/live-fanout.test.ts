import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb, type Db } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { withTransaction } from '@/lib/db/transaction';
import { instanceId } from '@/lib/live/instance-id';
import type { LiveEvent } from '@/lib/live/live-event';
import { PgListener } from '@/lib/live/pg-listener';
import { watchSqlite } from '@/lib/live/sqlite-watch';
import { createComponent } from '@/lib/services/create-component';
import { createIncident } from '@/lib/services/create-incident';
import { emit } from '@/lib/services/events';

const NOW = new Date('2026-11-26T12:00:00.000Z');

/** Resolves when `predicate` holds, polling; rejects after `ms`. */
async function until(predicate: () => boolean, ms = 5_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

for (const dialect of testDialects()) {
  describe(`changes reach other instances on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    const ctx = () => ({ db: db.kysely, now: () => NOW });

    beforeAll(async () => {
      db = await createTestDb(dialect);
    });
    afterAll(async () => db.drop());

    if (dialect === 'postgres') {
      it('another instance hears each committed change through LISTEN/NOTIFY, never its own or a rolled-back one', async () => {
        const heardByOther: LiveEvent[] = [];
        const heardBySelf: LiveEvent[] = [];
        const other = new PgListener(inject('postgresUrl')!, (e) => heardByOther.push(e), 'instance-b');
        const self = new PgListener(inject('postgresUrl')!, (e) => heardBySelf.push(e), instanceId());
        await Promise.all([other.start(), self.start()]);
        try {
          const component = await createComponent({ ctx: ctx(), input: { name: `Fan-out ${dialect}` } });
          const incident = await createIncident({
            ctx: ctx(),
            input: { name: 'Heard elsewhere', components: [{ id: component.id, status: 'major_outage' }] },
          });
          await until(() => heardByOther.some((e) => e.type === 'incident.created' && e.incidentId === incident.id));

          await expect(
            withTransaction(db.kysely, async (trx) => {
              await emit(trx, { type: 'page.changed', what: 'group' }, NOW);
              throw new Error('roll back');
            }),
          ).rejects.toThrow('roll back');
          // A marker sent after the rolled-back one: once it arrives, the earlier one would have too.
          await withTransaction(db.kysely, (trx) => emit(trx, { type: 'page.changed', what: 'settings' }, NOW));
          await until(() => heardByOther.some((e) => e.type === 'page.changed' && e.what === 'settings'));
          expect(heardByOther.some((e) => e.type === 'page.changed' && e.what === 'group')).toBe(false);
          expect(heardBySelf.filter((e) => e.type === 'incident.created' && e.incidentId === incident.id)).toEqual([]);
        } finally {
          await Promise.all([other.stop(), self.stop()]);
        }
      });
    } else {
      it('an instance notices commits made by another process on the same SQLite file', async () => {
        const { rows } = await sql<{ file: string }>`PRAGMA database_list`.execute(db.kysely);
        const file = rows[0]!.file;
        const otherProcess = openDb(`file:${file}`);
        let external = 0;
        const stop = watchSqlite(db.kysely, () => external++, 20);
        try {
          await new Promise((r) => setTimeout(r, 100));
          await createComponent({ ctx: ctx(), input: { name: 'Written here' } });
          await new Promise((r) => setTimeout(r, 150));
          expect(external).toBe(0);
          // The worker's bookkeeping is not a change the page shows.
          await otherProcess.kysely.updateTable('subscribers').set({ updated_at: NOW.toISOString() }).execute();
          await otherProcess.kysely
            .insertInto('dev_mailbox')
            .values({ id: 'mail1', to: 'a@example.com', from: 'b@example.com', subject: 's', text: 't', html: '<p>t</p>', headers: '{}', created_at: NOW.toISOString() })
            .execute();
          await new Promise((r) => setTimeout(r, 150));
          expect(external).toBe(0);
          await createComponent({ ctx: { db: otherProcess.kysely, now: () => NOW }, input: { name: 'Written elsewhere' } });
          await until(() => external > 0);
          await new Promise((r) => setTimeout(r, 150));
          expect(external).toBe(1);
        } finally {
          stop();
          await otherProcess.kysely.destroy();
        }
      });
    }
  });
}
