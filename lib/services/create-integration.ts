import { z } from 'zod';
import { digest, newSecret } from '@/lib/auth/tokens';
import { newId } from '@/lib/db/ids';
import type { IntegrationRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { parseInput } from '@/lib/services/errors';
import { Name } from '@/lib/services/schemas';

export const CreateIntegrationInput = z.object({
  kind: z.enum(['alertmanager', 'grafana']),
  name: Name,
  /** Changes of one alert closer together than this are held and the latest applied after it. */
  flapSeconds: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(86_400, 'must be at most 86400').default(300),
});
export type CreateIntegrationInput = z.input<typeof CreateIntegrationInput>;

/** Creates an integration; its secret is returned this once and only its hash is kept. */
export async function createIntegration({ ctx, input }: { ctx: ServiceContext; input: CreateIntegrationInput }): Promise<{ integration: IntegrationRow; secret: string }> {
  authorize(ctx, 'integration.manage');
  const data = parseInput(CreateIntegrationInput, input);
  const secret = `bint_${newSecret()}`;
  const integration: IntegrationRow = { id: newId(), kind: data.kind, name: data.name, secret_hash: digest(secret), flap_seconds: data.flapSeconds, created_at: ctx.now().toISOString() };
  await withTransaction(ctx.db, async (trx) => {
    await trx.insertInto('integrations').values(integration).execute();
    await recordAudit(trx, ctx, { action: 'integration.create', entityType: 'integration', entityId: integration.id, after: { kind: data.kind, name: data.name, flapSeconds: data.flapSeconds } });
  });
  return { integration, secret };
}
