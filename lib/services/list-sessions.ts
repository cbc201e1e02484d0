import { digest } from '@/lib/auth/tokens';
import type { ServiceContext } from '@/lib/services/context';

/** An operator's open sessions, most recently used first, marking the one making this request. */
export async function listSessions({ ctx, operatorId, currentToken }: { ctx: ServiceContext; operatorId: string; currentToken?: string }) {
  const current = currentToken ? digest(currentToken) : undefined;
  const rows = await ctx.db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('operator_id', '=', operatorId)
    .where('expires_at', '>', ctx.now().toISOString())
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map(({ id, ...row }) => ({ ...row, current: id === current }));
}
