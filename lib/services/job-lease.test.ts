import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '@/lib/db/connect';
import { acquireLease, readLease, releaseLease } from '@/lib/db/queries/job-leases';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { startLeasedJob } from '@/lib/services/job-lease';

const at = (s: number) => new Date(Date.UTC(2026, 5, 1, 12, 0, s));

for (const dialect of testDialects()) {
  describe(`job leases on ${dialect}`, () => {
    let db: Db & { url: string; drop: () => Promise<void> };
    beforeEach(async () => {
      db = await createTestDb(dialect);
    });
    afterEach(async () => db.drop());

    it('goes to one holder, is renewed by it, and passes on only when it runs out or is released', async () => {
      const take = (holder: string, s: number) => acquireLease(db.kysely, { name: 'scheduler', holder, now: at(s), until: at(s + 30) });
      expect((await take('a', 0))?.holder).toBe('a');
      expect(await take('b', 1)).toBeUndefined();
      const renewed = await take('a', 10);
      expect(renewed).toMatchObject({ holder: 'a', expires_at: at(40).toISOString(), acquired_at: at(0).toISOString() });
      expect(await take('b', 39)).toBeUndefined();
      expect(await take('b', 41)).toMatchObject({ holder: 'b', acquired_at: at(41).toISOString() });
      await releaseLease(db.kysely, 'scheduler', 'a'); // not a's any more: nothing happens
      expect((await readLease(db.kysely, 'scheduler'))?.holder).toBe('b');
      await releaseLease(db.kysely, 'scheduler', 'b');
      expect((await take('a', 42))?.holder).toBe('a');
    });

    it('skips a tick while the previous one still runs, so runs never overlap', async () => {
      let running = 0;
      let most = 0;
      let runs = 0;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const job = startLeasedJob({
        db: db.kysely,
        name: 'slow',
        holder: 'a',
        tickMs: 60_000,
        run: async () => {
          running += 1;
          runs += 1;
          most = Math.max(most, running);
          await gate;
          running -= 1;
        },
      });
      // The first tick started with the job; these come while it waits.
      const first = job.tick();
      void job.tick();
      release();
      await first;
      expect(job.state().skippedTicks).toBe(2);
      await job.tick();
      expect([runs, most]).toEqual([2, 1]);
      await job.stop();
      expect(await readLease(db.kysely, 'slow')).toBeUndefined();
    });
  });
}

for (const dialect of testDialects().filter((d) => d === 'postgres')) {
  describe(`job leases raced on ${dialect}`, () => {
    it('goes to exactly one of many instances asking at once', async () => {
      const db = await createTestDb(dialect);
      const others = Array.from({ length: 5 }, () => openDb(db.url));
      try {
        const results = await Promise.all(
          [db, ...others].map((d, i) => acquireLease(d.kysely, { name: 'scheduler', holder: `i${i}`, now: at(0), until: at(30) })),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      } finally {
        await Promise.all(others.map((o) => o.kysely.destroy()));
        await db.drop();
      }
    });
  });
}
