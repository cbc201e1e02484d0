import { digest } from '@/lib/auth/tokens';
import type { ServiceContext } from '@/lib/services/context';
import type { OperatorRole } from '@/lib/db/schema';

/**
 * The actor behind an API key, or undefined for an unknown or revoked key. The key acts with
 * its operator's role; its last use is recorded at most once a minute.
 */
export async function authenticateApiKey({
  ctx,
  key,
}: {
  ctx: ServiceContext;
  key: string | undefined;
}): Promise<{ type: 'api_key'; id: string; name: string; role: OperatorRole; operatorId: string } | undefined> {
  if (!key || key.length > 200) return undefined;
  const row = await ctx.db
    .selectFrom('api_keys')
    .innerJoin('operators', 'operators.id', 'api_keys.operator_id')
    .select(['api_keys.id', 'api_keys.name', 'api_keys.last_used_at', 'operators.role', 'operators.id as operator_id'])
    .where('api_keys.key_hash', '=', digest(key))
    .where('api_keys.revoked_at', 'is', null)
    .where('operators.removed_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = ctx.now();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await ctx.db.updateTable('api_keys').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { type: 'api_key', id: row.id, name: `API key "${row.name}"`, role: row.role, operatorId: row.operator_id };
}
