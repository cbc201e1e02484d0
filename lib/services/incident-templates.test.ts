import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { createComponent } from '@/lib/services/create-component';
import { createIncidentTemplate } from '@/lib/services/create-incident-template';
import { deleteIncidentTemplate } from '@/lib/services/delete-incident-template';
import { NotFoundError, ValidationError } from '@/lib/services/errors';
import { listIncidentTemplates } from '@/lib/services/list-incident-templates';
import { updateIncidentTemplate } from '@/lib/services/update-incident-template';

for (const dialect of testDialects()) {
  describe(`incident templates on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    const actor = { type: 'operator' as const, id: 'op1', name: 'Ada', role: 'admin' as const };
    const ctx = () => ({ db: db.kysely, now: clock.now, actor });

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock();
    });
    afterEach(async () => db.drop());

    it('creates, lists, edits and deletes templates, component ids round-tripping as JSON, each change audited', async () => {
      const vpn = await createComponent({ ctx: ctx(), input: { name: 'VPN' } });
      const sms = await createComponent({ ctx: ctx(), input: { name: 'SMS' } });
      const t = await createIncidentTemplate({
        ctx: ctx(),
        input: { name: 'VPN down', title: 'VPN unavailable', body: 'Investigating', status: 'investigating', componentIds: [vpn.id, sms.id] },
      });
      expect(t).toMatchObject({ name: 'VPN down', status: 'investigating', componentIds: [vpn.id, sms.id] });
      const other = await createIncidentTemplate({ ctx: ctx(), input: { name: 'API slow', title: 'API latency', body: '' } });
      expect(other).toMatchObject({ status: 'investigating', componentIds: [] });
      expect((await listIncidentTemplates({ ctx: ctx() })).map((x) => x.name)).toEqual(['API slow', 'VPN down']);

      clock.advance(1);
      const edited = await updateIncidentTemplate({ ctx: ctx(), input: { id: t.id, status: 'identified', componentIds: [sms.id] } });
      expect(edited).toMatchObject({ title: 'VPN unavailable', status: 'identified', componentIds: [sms.id], updatedAt: clock.iso() });
      expect((await listIncidentTemplates({ ctx: ctx() })).find((x) => x.id === t.id)).toEqual(edited);

      await deleteIncidentTemplate({ ctx: ctx(), input: { id: t.id } });
      expect((await listIncidentTemplates({ ctx: ctx() })).map((x) => x.id)).toEqual([other.id]);
      const audit = await db.kysely.selectFrom('audit_log').select(['action', 'actor_name']).where('entity_id', '=', t.id).orderBy('id').execute();
      expect(audit).toEqual([
        { action: 'incident_template.create', actor_name: 'Ada' },
        { action: 'incident_template.update', actor_name: 'Ada' },
        { action: 'incident_template.delete', actor_name: 'Ada' },
      ]);
    });

    it('refuses unknown components, blank names and unknown templates', async () => {
      await expect(
        createIncidentTemplate({ ctx: ctx(), input: { name: 'x', title: 't', body: '', componentIds: ['nosuchcompo1'] } }),
      ).rejects.toMatchObject({ fields: { componentIds: expect.any(String) } });
      await expect(createIncidentTemplate({ ctx: ctx(), input: { name: ' ', title: 't', body: '' } })).rejects.toBeInstanceOf(ValidationError);
      await expect(updateIncidentTemplate({ ctx: ctx(), input: { id: 'nosuchtempl1', name: 'x' } })).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleteIncidentTemplate({ ctx: ctx(), input: { id: 'nosuchtempl1' } })).rejects.toBeInstanceOf(NotFoundError);
      expect(await listIncidentTemplates({ ctx: ctx() })).toEqual([]);
    });
  });
}
