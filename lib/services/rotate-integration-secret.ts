import { z } from 'zod';
import { digest, newSecret } from '@/lib/auth/tokens';
import { getIntegration } from '@/lib/db/queries/integrations';
import type { IntegrationRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

export const RotateIntegrationSecretInput = z.object({ id: Id });

/** Gives an integration a new secret, returned this once; the old one is refused from now on. */
export async function rotateIntegrationSecret({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof RotateIntegrationSecretInput> }): Promise<{ integration: IntegrationRow; secret: string }> {
  authorize(ctx, 'integration.manage');
  const { id } = parseInput(RotateIntegrationSecretInput, input);
  const secret = `bint_${newSecret()}`;
  return withTransaction(ctx.db, async (trx) => {
    const integration = await getIntegration(trx, id);
    if (!integration) throw new NotFoundError('Integration', id);
    const secret_hash = digest(secret);
    await trx.updateTable('integrations').set({ secret_hash }).where('id', '=', id).execute();
    // The audit says that it changed, never what it is.
    await recordAudit(trx, ctx, { action: 'integration.rotate_secret', entityType: 'integration', entityId: id, after: { name: integration.name } });
    return { integration: { ...integration, secret_hash }, secret };
  });
}
