import { z } from 'zod';
import { forUpdate } from '@/lib/db/row-lock';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { ConflictError, NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

export const DecideDraftInput = z.object({ id: Id, decision: z.enum(['acknowledge', 'discard', 'dismiss_proposal']) });

/**
 * An operator's answer to a draft: acknowledge (stops the automatic publish, keeps the draft),
 * discard it, or dismiss a proposal to resolve its incident.
 */
export async function decideIntegrationDraft({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof DecideDraftInput> }): Promise<void> {
  authorize(ctx, 'integration.draft');
  const data = parseInput(DecideDraftInput, input);
  await withTransaction(ctx.db, async (trx) => {
    const draft = await forUpdate(trx, trx.selectFrom('integration_drafts').selectAll().where('id', '=', data.id)).executeTakeFirst();
    if (!draft) throw new NotFoundError('Draft', data.id);
    if (data.decision === 'dismiss_proposal') {
      await trx.updateTable('integration_drafts').set({ resolve_proposed: false }).where('id', '=', draft.id).execute();
    } else {
      if (draft.state !== 'draft' && draft.state !== 'acknowledged') throw new ConflictError('This draft was already published or discarded');
      const state = data.decision === 'acknowledge' ? 'acknowledged' : 'discarded';
      await trx.updateTable('integration_drafts').set({ state, publish_at: null }).where('id', '=', draft.id).execute();
    }
    await recordAudit(trx, ctx, { action: `integration.draft_${data.decision}`, entityType: 'integration_draft', entityId: draft.id, before: { state: draft.state } });
  });
}
