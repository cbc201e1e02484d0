import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { listSubscribers, SubscriberFilter } from '@/lib/services/admin-subscribers';
import { createComponent } from '@/lib/services/create-component';
import { ValidationError } from '@/lib/services/errors';
import { AuditFilter, listAuditLog } from '@/lib/services/list-audit-log';

for (const dialect of testDialects()) {
  describe(`console filters refuse what the database cannot take, on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    const ctx = () => ({ db: db.kysely, now: () => new Date('2026-03-01T12:00:00Z'), actor: { type: 'system' as const, id: null, name: 'test' } });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      await createComponent({ ctx: ctx(), input: { name: 'VPN' } });
    });
    afterEach(async () => db.drop());

    it('refuses a NUL in the subscriber search as bad input, not a database error', async () => {
      for (const q of ['\u0000', 'noc\u0000@example.com']) {
        await expect(listSubscribers(db.kysely, { q })).rejects.toThrow(ValidationError);
        expect(SubscriberFilter.safeParse({ q }).error?.issues[0]).toMatchObject({ path: ['q'], message: 'must not contain a NUL character' });
      }
      expect((await listSubscribers(db.kysely, { q: 'noc' })).items).toEqual([]);
    });

    it('refuses a malformed or out-of-range `before` and a NUL in the audit filters', async () => {
      for (const before of ['yesterday', '2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '2026-01-01', "2026' OR 1=1"]) {
        await expect(listAuditLog({ ctx: ctx(), filter: { before } }), before).rejects.toThrow(ValidationError);
      }
      for (const field of ['entityType', 'actor', 'action'] as const) {
        await expect(listAuditLog({ ctx: ctx(), filter: { [field]: 'a\u0000' } })).rejects.toThrow(/must not contain a NUL character/);
      }
      // A well-formed `before` with any offset reads the same instant on both databases.
      const { entries } = await listAuditLog({ ctx: ctx(), filter: { before: '2999-01-01T02:00:00+02:00' } });
      expect(entries.map((e) => e.action)).toContain('component.create');
      expect(AuditFilter.parse({ before: '2026-03-01T14:00:00+02:00' }).before).toBe('2026-03-01T12:00:00.000Z');
    });
  });
}
