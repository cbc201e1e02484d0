import { getMemberRecord, type MemberRecord } from '@/lib/db/queries/audiences';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Id } from '@/lib/services/schemas';

/**
 * Removes a member; every session they hold ends in the same transaction (signed out everywhere at
 * once), and so do the alerts they subscribed to as a member.
 */
export async function removeMember({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<MemberRecord> {
  authorize(ctx, 'audience.manage');
  const memberId = parseInput(Id, id);
  return withTransaction(ctx.db, async (trx) => {
    const before = await getMemberRecord(trx, memberId);
    if (!before) throw new NotFoundError('Member', memberId);
    await trx.deleteFrom('member_sessions').where('member_id', '=', memberId).execute();
    // Their alerts stop with them: queued ones are dropped at sending (the subscription is no longer active).
    const at = ctx.now().toISOString();
    await trx.updateTable('subscribers').set({ state: 'unsubscribed', unsubscribed_at: at, updated_at: at }).where('member_id', '=', memberId).where('state', '!=', 'unsubscribed').execute();
    await trx.deleteFrom('audience_members').where('member_id', '=', memberId).execute();
    await trx.deleteFrom('member_sign_in_links').where('email', '=', before.email).execute();
    await trx.deleteFrom('members').where('id', '=', memberId).execute();
    await recordAudit(trx, ctx, { action: 'member.remove', entityType: 'member', entityId: memberId, before });
    return before;
  });
}
