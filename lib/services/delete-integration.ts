import { z } from 'zod';
import { getIntegration } from '@/lib/db/queries/integrations';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

export const DeleteIntegrationInput = z.object({ id: Id });

/**
 * Deletes an integration with its rules, alert states and unpublished drafts; its URL answers
 * 401 from now on. Components it set keep their status, and incidents it published stay.
 */
export async function deleteIntegration({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof DeleteIntegrationInput> }): Promise<{ name: string }> {
  authorize(ctx, 'integration.manage');
  const { id } = parseInput(DeleteIntegrationInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const integration = await getIntegration(trx, id);
    if (!integration) throw new NotFoundError('Integration', id);
    // Explicit deletes, not only ON DELETE CASCADE: SQLite enforces foreign keys only when told to.
    for (const table of ['integration_drafts', 'integration_alerts', 'integration_rules'] as const) {
      await trx.deleteFrom(table).where('integration_id', '=', id).execute();
    }
    await trx.deleteFrom('integrations').where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'integration.delete', entityType: 'integration', entityId: id, before: { kind: integration.kind, name: integration.name, flapSeconds: integration.flap_seconds } });
    return { name: integration.name };
  });
}
