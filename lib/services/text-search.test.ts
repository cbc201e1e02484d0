import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { listSubscribers } from '@/lib/services/admin-subscribers';
import { createComponent } from '@/lib/services/create-component';
import { listAuditLog } from '@/lib/services/list-audit-log';
import { subscribe } from '@/lib/services/subscribe';

const NOW = new Date('2026-03-01T12:00:00Z');

for (const dialect of testDialects()) {
  describe(`console searches ignore case the same way on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    const ctx = (name = 'Alice Acme') => ({ db: db.kysely, now: () => NOW, actor: { type: 'system' as const, id: null, name } });

    beforeAll(async () => {
      db = await createTestDb(dialect);
      await subscribe({ ctx: ctx(), input: { type: 'email', email: 'acme@example.com' } });
      await subscribe({ ctx: ctx(), input: { type: 'email', email: 'ops_team@example.net' } });
      await subscribe({ ctx: ctx(), input: { type: 'email', email: 'opsxteam@example.net' } });
      await createComponent({ ctx: ctx(), input: { name: 'VPN' } });
      await createComponent({ ctx: ctx('Bob Builder'), input: { name: 'SMS' } });
    });
    afterAll(async () => db.drop());

    it('finds a subscriber whatever the case of the search', async () => {
      for (const q of ['Acme', 'ACME', 'acme', 'ACME@Example']) {
        expect((await listSubscribers(db.kysely, { q })).items.map((i) => i.email), q).toEqual(['acme@example.com']);
      }
    });

    it('takes LIKE wildcards in the search literally', async () => {
      expect((await listSubscribers(db.kysely, { q: 'ops_team' })).items.map((i) => i.email)).toEqual(['ops_team@example.net']);
      expect((await listSubscribers(db.kysely, { q: '%' })).items).toEqual([]);
    });

    it('finds audit entries by actor name whatever the case', async () => {
      for (const actor of ['alice', 'ACME', 'Alice Acme']) {
        const { entries } = await listAuditLog({ ctx: ctx(), filter: { actor } });
        expect(new Set(entries.map((e) => e.actor_name)), actor).toEqual(new Set(['Alice Acme']));
      }
      expect((await listAuditLog({ ctx: ctx(), filter: { actor: 'BOB' } })).entries.map((e) => e.action)).toEqual(['component.create']);
    });
  });
}
