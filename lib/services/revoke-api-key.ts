import { z } from 'zod';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

export const RevokeApiKeyInput = z.object({ id: Id });

/** Revokes an API key; the next request made with it is refused. */
export async function revokeApiKey({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof RevokeApiKeyInput> }) {
  authorize(ctx, 'api_key.revoke');
  const { id } = parseInput(RevokeApiKeyInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const key = await trx.selectFrom('api_keys').select(['id', 'name', 'prefix', 'revoked_at']).where('id', '=', id).executeTakeFirst();
    if (!key) throw new NotFoundError('API key', id);
    if (key.revoked_at) return;
    const at = ctx.now().toISOString();
    await trx.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'api_key.revoke', entityType: 'api_key', entityId: id, before: key, after: { ...key, revoked_at: at } });
  });
}
