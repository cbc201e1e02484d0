import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '@/lib/db/testing/test-db';
import { apiHarness, type ApiHarness } from '@/app/api/v1/_tests/test-harness';

for (const dialect of testDialects()) {
  describe(`updates at the same status through the management API on ${dialect}`, () => {
    let h: ApiHarness;
    beforeEach(async () => {
      h = await apiHarness(dialect);
    });
    afterEach(async () => h.db.drop());

    it('refuses starting a started maintenance with a plain 422, but posts another update with text', async () => {
      const created = await h.call('POST', 'incidents', {
        body: { incident: { name: 'Router upgrade', status: 'scheduled', scheduled_for: '2026-06-01T11:00:00Z', scheduled_until: '2026-06-01T14:00:00Z' } },
      });
      const path = `incidents/${created.body.id}`;
      expect((await h.call('PATCH', path, { body: { incident: { status: 'in_progress' } } })).status).toBe(200);
      const before = await h.counts();
      const again = await h.call('PATCH', path, { body: { incident: { status: 'in_progress' } } });
      expect(again.status).toBe(422);
      expect(again.body.message).toBe('incident.status is already in_progress');
      expect(await h.counts()).toEqual(before);

      const note = await h.call('PATCH', path, { body: { incident: { status: 'in_progress', body: 'Half the routers are done.' } } });
      expect(note.status).toBe(200);
      expect(note.body.incident_updates.map((u: { status: string }) => u.status).sort()).toEqual(['in_progress', 'in_progress', 'scheduled']);
      // The whole object sent back with a new name is an edit, not an update.
      const renamed = await h.call('PATCH', path, { body: { incident: { name: 'Core router upgrade', status: 'in_progress' } } });
      expect(renamed.status).toBe(200);
      expect(renamed.body.incident_updates).toHaveLength(3);
    });

    it('keeps posting incident updates at the same status, and refuses resolving twice', async () => {
      const created = await h.call('POST', 'incidents', { body: { incident: { name: 'SMS delays', status: 'investigating' } } });
      const path = `incidents/${created.body.id}`;
      expect((await h.call('PATCH', path, { body: { incident: { status: 'investigating', body: 'Still looking.' } } })).status).toBe(200);
      expect((await h.call('PATCH', path, { body: { incident: { status: 'investigating' } } })).status).toBe(422);
      expect((await h.call('PATCH', path, { body: { incident: { status: 'resolved' } } })).status).toBe(200);
      const twice = await h.call('PATCH', path, { body: { incident: { status: 'resolved' } } });
      expect(twice.status).toBe(422);
      expect(twice.body.message).toBe('incident.status is already resolved');
    });
  });
}
