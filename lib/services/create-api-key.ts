import { z } from 'zod';
import { digest, newSecret } from '@/lib/auth/tokens';
import { newId } from '@/lib/db/ids';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id, Name } from '@/lib/services/schemas';

export const CreateApiKeyInput = z.object({ name: Name, operatorId: Id });

/** Makes an API key for the management API. The key is returned once; only its hash is kept. */
export async function createApiKey({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof CreateApiKeyInput> }) {
  authorize(ctx, 'api_key.create');
  const data = parseInput(CreateApiKeyInput, input);
  const key = `bk_${newSecret(24)}`;
  const now = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const operator = await trx.selectFrom('operators').select('id').where('id', '=', data.operatorId).executeTakeFirst();
    if (!operator) throw new NotFoundError('Operator', data.operatorId);
    const row = {
      id: newId(),
      name: data.name,
      key_hash: digest(key),
      prefix: key.slice(0, 8),
      operator_id: data.operatorId,
      created_at: now,
      last_used_at: null,
      revoked_at: null,
    };
    await trx.insertInto('api_keys').values(row).execute();
    const { key_hash: _hash, ...visible } = row;
    await recordAudit(trx, ctx, { action: 'api_key.create', entityType: 'api_key', entityId: row.id, after: visible });
    return { key, apiKey: visible };
  });
}
