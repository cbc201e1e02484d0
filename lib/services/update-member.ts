import { existingIds, getMemberRecord, setMemberships, type MemberRecord } from '@/lib/db/queries/audiences';
import { withTransaction, type DbOrTx } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { ConflictError, NotFoundError, ValidationError, parseInput } from '@/lib/services/errors';
import { MemberFields } from '@/lib/services/member-schemas';
import { Id } from '@/lib/services/schemas';

const UpdateMemberInput = MemberFields.partial().extend({ id: Id });
export type UpdateMemberInput = Parameters<typeof UpdateMemberInput.parse>[0];

/** Refuses audience ids that name nothing. */
export async function checkMemberAudiences(db: DbOrTx, ids: readonly string[]): Promise<void> {
  const found = await existingIds(db, 'audiences', ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new ValidationError(`audienceIds: no audience ${missing.join(', ')}`, { audienceIds: `no audience ${missing.join(', ')}` });
}

/**
 * Changes a member's address or audiences. Leaving every audience ends their sessions: a member
 * of none sees only what the public sees, and a changed address must sign in again (and turn
 * their alerts on again: the old address's subscription ends). Alerts follow the new audiences
 * at once (lib/notify/alert-variants.ts).
 */
export async function updateMember({ ctx, input }: { ctx: ServiceContext; input: UpdateMemberInput }): Promise<MemberRecord> {
  authorize(ctx, 'audience.manage');
  const data = parseInput(UpdateMemberInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const before = await getMemberRecord(trx, data.id);
    if (!before) throw new NotFoundError('Member', data.id);
    if (data.email && data.email !== before.email) {
      const taken = await trx.selectFrom('members').select('id').where('email', '=', data.email).executeTakeFirst();
      if (taken) throw new ConflictError(`email: ${data.email} is already a member`, { email: 'is already a member' });
    }
    if (data.audienceIds) await checkMemberAudiences(trx, data.audienceIds);
    await trx
      .updateTable('members')
      .set({
        email: data.email ?? before.email,
        external_login: data.externalLogin === undefined ? before.external_login : data.externalLogin,
        updated_at: ctx.now().toISOString(),
      })
      .where('id', '=', data.id)
      .execute();
    if (data.audienceIds) await setMemberships(trx, data.id, data.audienceIds);
    const after = (await getMemberRecord(trx, data.id))!;
    if (after.email !== before.email || after.audienceIds.length === 0) {
      await trx.deleteFrom('member_sessions').where('member_id', '=', data.id).execute();
    }
    if (after.email !== before.email) {
      // The old address was the member's, proven by their sign-in; it stops getting their alerts.
      const at = ctx.now().toISOString();
      await trx.updateTable('subscribers').set({ state: 'unsubscribed', unsubscribed_at: at, updated_at: at }).where('member_id', '=', data.id).where('state', '!=', 'unsubscribed').execute();
    }
    await recordAudit(trx, ctx, { action: 'member.update', entityType: 'member', entityId: data.id, before, after });
    return after;
  });
}
