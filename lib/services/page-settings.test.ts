import { Migrator } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { migrate, openDb } from '@/lib/db/connect';
import { migrations } from '@/lib/db/migrations';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { getPageSettings } from '@/lib/db/queries/page-settings';

for (const dialect of testDialects()) {
  describe(`the page settings row on ${dialect}`, () => {
    it('is made by the migrations, once; reading never inserts another', async () => {
      const db = await createTestDb(dialect);
      try {
        const [a, b] = await Promise.all([getPageSettings(db.kysely), getPageSettings(db.kysely)]);
        expect(a.id).toBe(b.id);
        await expect(
          db.kysely.insertInto('page_settings').values({ ...a, id: 'secondpage01' }).execute(),
        ).rejects.toThrow(/unique/i);
        expect(await db.kysely.selectFrom('page_settings').selectAll().execute()).toEqual([a]);
      } finally {
        await db.drop();
      }
    });

    it('keeps an existing page id, and drops the extra rows an old race left', async () => {
      const db = await createTestDb(dialect, { migrate: false });
      try {
        const before = Object.fromEntries(Object.entries(migrations(dialect)).filter(([name]) => name < '007'));
        const migrator = new Migrator({ db: db.kysely, ...(db.schema && { migrationTableSchema: db.schema }), provider: { getMigrations: async () => before } });
        expect((await migrator.migrateToLatest()).error).toBeUndefined();
        const row = (id: string, name: string, updated: string) => ({ id, name, url: null, time_zone: 'UTC', logo_url: null, created_at: '2026-01-01T00:00:00.000Z', updated_at: updated });
        await db.kysely.insertInto('page_settings').values([row('racedcopy001', 'Status', '2026-01-01T00:00:00.000Z'), row('editedpage01', 'Acme IoT', '2026-03-01T00:00:00.000Z')]).execute();
        await migrate(db, db.schema);
        expect((await db.kysely.selectFrom('page_settings').select(['id', 'name']).execute())).toEqual([{ id: 'editedpage01', name: 'Acme IoT' }]);
      } finally {
        await db.drop();
      }
    });
  });
}

for (const dialect of testDialects().filter((d) => d === 'postgres')) {
  describe(`two first starts at once on ${dialect}`, () => {
    it('make one settings row, so one page id', async () => {
      const db = await createTestDb(dialect, { migrate: false });
      const other = openDb(db.url);
      try {
        await Promise.all([migrate(db, db.schema), migrate(other, db.schema)]);
        const [a, b] = await Promise.all([getPageSettings(db.kysely), getPageSettings(other.kysely)]);
        expect(a.id).toBe(b.id);
        expect(await db.kysely.selectFrom('page_settings').select('id').execute()).toEqual([{ id: a.id }]);
      } finally {
        await other.kysely.destroy();
        await db.drop();
      }
    });
  });
}
