import { z } from 'zod';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { emit } from '@/lib/services/events';
import { NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

export const WithdrawIncidentUpdateInput = z.object({ incidentId: Id, updateId: Id });
export type WithdrawIncidentUpdateInput = z.input<typeof WithdrawIncidentUpdateInput>;

/**
 * Withdraws an update posted by mistake: it leaves the public timeline, the feeds and both APIs,
 * and stays in the audit log with its text. The incident's status and the component statuses
 * stay as they are (post an update or reopen to change them); the last remaining update cannot
 * go, an incident always says something.
 */
export async function withdrawIncidentUpdate({ ctx, input }: { ctx: ServiceContext; input: WithdrawIncidentUpdateInput }) {
  authorize(ctx, 'incident.update');
  const data = parseInput(WithdrawIncidentUpdateInput, input);
  const now = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const visible = await trx
      .selectFrom('incident_updates')
      .selectAll()
      .where('incident_id', '=', data.incidentId)
      .where('withdrawn_at', 'is', null)
      .execute();
    const before = visible.find((u) => u.id === data.updateId);
    if (!before) throw new NotFoundError('Incident update', data.updateId);
    if (visible.length === 1) {
      throw new ValidationError('This is the only update of the incident: edit its text instead', { updateId: 'is the only update' });
    }
    await trx.updateTable('incident_updates').set({ withdrawn_at: now, updated_at: now }).where('id', '=', before.id).execute();
    await trx.updateTable('incidents').set({ updated_at: now }).where('id', '=', data.incidentId).execute();
    await recordAudit(trx, ctx, {
      action: 'incident_update.withdraw',
      entityType: 'incident_update',
      entityId: before.id,
      before,
      after: { ...before, withdrawn_at: now },
    });
    await emit(trx, { type: 'page.changed', what: 'incident', incidentId: data.incidentId }, ctx.now());
    return { ...before, withdrawn_at: now };
  });
}
