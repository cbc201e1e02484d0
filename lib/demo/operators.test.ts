import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { ensureDemoOperators } from '@/lib/demo/operators';

// Not the demo: BEACON_DEMO is unset for this whole file (getEnv reads it once).
delete process.env.BEACON_DEMO;

for (const dialect of testDialects()) {
  describe(`demo operators on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    beforeEach(async () => {
      db = await createTestDb(dialect);
    });
    afterEach(async () => db.drop());

    it('are never created outside the demo, so no start has a published password', async () => {
      expect(await ensureDemoOperators({ db: db.kysely, now: () => new Date() })).toBe(false);
      expect(await db.kysely.selectFrom('operators').select('id').execute()).toEqual([]);
    });
  });
}
